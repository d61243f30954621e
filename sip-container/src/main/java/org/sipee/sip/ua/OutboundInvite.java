package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import io.netty.util.NetUtil;
import org.sipee.sip.dialog.LocalTags;
import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.NameAddress;
import org.sipee.sip.message.SipRequest;

/**
 * An INVITE outside a dialog (RFC 3261 §8.1.1, §13.2.1): Request-URI and To from the callee, From with a new tag,
 * a new Call-ID, CSeq 1, Max-Forwards 70, our Contact, the SDP offer when given. The Via is added by the
 * transaction layer, the transport fixes its sent-by.
 */
final class OutboundInvite {

    /** The headers a callee's URI may set (§19.1.5), by lookup key. */
    static final Map<String, String> URI_HEADERS = Map.of("replaces", Replaces.HEADER, "referred-by", "Referred-By",
            "subject", "Subject", "priority", "Priority");

    private OutboundInvite() {
    }

    /** A Call-ID unique in space and time (§8.1.1.4): random, with our host. */
    static String newCallId(InetSocketAddress local) {
        return LocalTags.next() + LocalTags.next() + '@' + hostText(local);
    }

    /**
     * With RFC 3262 (Supported or Require: 100rel) and RFC 4028 (Supported: timer, Session-Expires, Min-SE).
     * Headers in the callee's URI (§19.1.5, e.g. {@code ?Replaces=...} from a REFER's Refer-To) are taken out of
     * the Request-URI and To and added to the INVITE, unescaped; only {@link #URI_HEADERS} may be set that way.
     *
     * @param from a SIP URI or name-addr, e.g. {@code sip:alice@192.0.2.1} or {@code "Alice" <sip:alice@…>}
     * @param to   the callee, likewise; its URI without headers becomes the Request-URI
     * @throws IllegalArgumentException when from or to is not a URI or name-addr, to carries a tag, or its URI a
     *                                  header we do not set from a URI, or a malformed Replaces
     */
    static SipRequest build(String callId, String from, String to, String sdp, InetSocketAddress local, UaPolicy policy) {
        String fromHeader = nameAddr(from, HeaderNames.FROM);
        String toWithHeaders = nameAddr(to, HeaderNames.TO);
        NameAddress callee = NameAddress.parse(toWithHeaders, HeaderNames.TO);
        if (callee.tag() != null) {
            throw new IllegalArgumentException("To of a new call must not carry a tag: " + to);
        }
        String uri = ReferTo.withoutHeaders(callee.uri());
        String toHeader = toWithHeaders.replace(callee.uri(), uri);
        SipRequest invite = new SipRequest("INVITE", uri);
        invite.addHeader(HeaderNames.MAX_FORWARDS, "70");
        invite.addHeader(HeaderNames.FROM, NameAddress.withTag(fromHeader, LocalTags.next()));
        invite.addHeader(HeaderNames.TO, toHeader);
        addUriHeaders(invite, ReferTo.headers(callee.uri()));
        invite.addHeader(HeaderNames.CALL_ID, callId);
        invite.addHeader(HeaderNames.CSEQ, "1 INVITE");
        invite.addHeader(HeaderNames.CONTACT, contact(local));
        invite.addHeader(HeaderNames.ALLOW, Capabilities.ALLOW);
        if (policy.require100rel()) {
            invite.addHeader(HeaderNames.REQUIRE, "100rel");
        }
        invite.addHeader(HeaderNames.SUPPORTED, Capabilities.supportedInInvite(policy.sessionTimers()));
        if (policy.sessionTimers()) {
            invite.addHeader(SessionExpires.HEADER, Long.toString(policy.sessionExpires()));
            invite.addHeader(SessionExpires.MIN_SE, Long.toString(policy.minSE()));
        }
        if (sdp != null) {
            invite.addHeader(HeaderNames.CONTENT_TYPE, "application/sdp");
            invite.setBody(sdp.getBytes(StandardCharsets.UTF_8));
        } else {
            invite.addHeader(HeaderNames.CONTENT_LENGTH, "0");
        }
        return invite;
    }

    /**
     * §19.1.5: the headers of the callee's URI, each one we allow under its usual name; with Replaces,
     * Require: replaces (RFC 3891 §4), so that a UAS that does not know it refuses the call rather than ringing.
     */
    private static void addUriHeaders(SipRequest invite, Map<String, String> headers) {
        headers.forEach((name, value) -> {
            String header = URI_HEADERS.get(HeaderNames.key(name));
            if (header == null) {
                throw new IllegalArgumentException("a header " + name + " in the callee's URI is not allowed, only "
                        + URI_HEADERS.values());
            }
            invite.addHeader(header, value);
            if (header.equals(Replaces.HEADER)) {
                Replaces.parse(value);
                invite.addHeader(HeaderNames.REQUIRE, "replaces");
            }
        });
    }

    /**
     * RFC 4028 §7.4: the INVITE again after 422, with Session-Expires and Min-SE raised to {@code minSE}, the
     * next CSeq (§8.1.3.5) and no Via (a new transaction adds its own).
     */
    static SipRequest retry(SipRequest invite, long minSE) {
        SipRequest again = NextRequest.of(invite, Set.of("session-expires", "min-se"));
        long seconds = Math.max(minSE, SessionExpires.of(invite) == null ? 0 : SessionExpires.of(invite).seconds());
        again.addHeader(SessionExpires.HEADER, Long.toString(seconds));
        again.addHeader(SessionExpires.MIN_SE, Long.toString(minSE));
        return again;
    }

    /** Our Contact outside a dialog (§8.1.1.8): the bound address and port. */
    static String contact(InetSocketAddress local) {
        return "<sip:" + hostText(local) + ':' + local.getPort() + '>';
    }

    /**
     * A URI or name-addr as header text, a bare URI in angle brackets.
     *
     * @throws IllegalArgumentException when it is neither
     */
    static String nameAddr(String value, String header) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(header + " must be a SIP URI or name-addr, was '" + value + "'");
        }
        String text = value.indexOf('<') >= 0 ? value.trim() : '<' + value.trim() + '>';
        try {
            NameAddress.parse(text, header);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(header + " is not a URI or name-addr: " + e.getMessage(), e);
        }
        return text;
    }

    private static String hostText(InetSocketAddress local) {
        String text = NetUtil.toAddressString(local.getAddress());
        return text.indexOf(':') >= 0 ? '[' + text + ']' : text;
    }
}
