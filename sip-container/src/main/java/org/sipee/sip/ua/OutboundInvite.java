package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

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

    private OutboundInvite() {
    }

    /** A Call-ID unique in space and time (§8.1.1.4): random, with our host. */
    static String newCallId(InetSocketAddress local) {
        return LocalTags.next() + LocalTags.next() + '@' + hostText(local);
    }

    /**
     * With RFC 3262 (Supported or Require: 100rel) and RFC 4028 (Supported: timer, Session-Expires, Min-SE).
     *
     * @param from a SIP URI or name-addr, e.g. {@code sip:alice@192.0.2.1} or {@code "Alice" <sip:alice@…>}
     * @param to   the callee, likewise; its URI becomes the Request-URI
     * @throws IllegalArgumentException when from or to is not a URI or name-addr, or to carries a tag
     */
    static SipRequest build(String callId, String from, String to, String sdp, InetSocketAddress local, UaPolicy policy) {
        String fromHeader = nameAddr(from, HeaderNames.FROM);
        String toHeader = nameAddr(to, HeaderNames.TO);
        NameAddress callee = NameAddress.parse(toHeader, HeaderNames.TO);
        if (callee.tag() != null) {
            throw new IllegalArgumentException("To of a new call must not carry a tag: " + to);
        }
        String host = hostText(local);
        SipRequest invite = new SipRequest("INVITE", callee.uri());
        invite.addHeader(HeaderNames.MAX_FORWARDS, "70");
        invite.addHeader(HeaderNames.FROM, NameAddress.withTag(fromHeader, LocalTags.next()));
        invite.addHeader(HeaderNames.TO, toHeader);
        invite.addHeader(HeaderNames.CALL_ID, callId);
        invite.addHeader(HeaderNames.CSEQ, "1 INVITE");
        invite.addHeader(HeaderNames.CONTACT, "<sip:" + host + ':' + local.getPort() + '>');
        invite.addHeader(HeaderNames.ALLOW, Capabilities.ALLOW);
        if (policy.require100rel()) {
            invite.addHeader(HeaderNames.REQUIRE, "100rel");
        }
        invite.addHeader(HeaderNames.SUPPORTED, policy.sessionTimers() ? Capabilities.SUPPORTED : "100rel");
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
     * RFC 4028 §7.4: the INVITE again after 422, with Session-Expires and Min-SE raised to {@code minSE}, the
     * next CSeq (§8.1.3.5) and no Via (a new transaction adds its own).
     */
    static SipRequest retry(SipRequest invite, long minSE) {
        SipRequest again = new SipRequest("INVITE", invite.requestUri());
        for (var header : invite.headers()) {
            String key = header.key();
            if (!key.equals("via") && !key.equals("cseq") && !key.equals("session-expires") && !key.equals("min-se")
                    && !key.equals("content-length")) {
                again.addHeader(header.name(), header.value());
            }
        }
        again.addHeader(HeaderNames.CSEQ, (invite.cseq().number() + 1) + " INVITE");
        long seconds = Math.max(minSE, SessionExpires.of(invite) == null ? 0 : SessionExpires.of(invite).seconds());
        again.addHeader(SessionExpires.HEADER, Long.toString(seconds));
        again.addHeader(SessionExpires.MIN_SE, Long.toString(minSE));
        again.setBody(invite.body());
        return again;
    }

    private static String nameAddr(String value, String header) {
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
