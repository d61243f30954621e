package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.util.Set;

import org.sipee.sip.dialog.LocalTags;
import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.NameAddress;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.message.SipUri;

/** The REGISTER requests of one registration (RFC 3261 §10.2) and what their 2xx granted. */
final class RegisterRequest {

    private RegisterRequest() {
    }

    /**
     * §10.2.1: Request-URI the registrar, To and From the AOR (From with a tag), a new Call-ID kept for every
     * refresh (§10.2.4), CSeq 1, our Contact and an Expires header.
     *
     * @throws IllegalArgumentException when the registrar is not a SIP URI or the AOR not a URI or name-addr
     */
    static SipRequest first(OutboundRegistration.Settings settings, String callId, InetSocketAddress local) {
        try {
            SipUri.parse(settings.registrar());
        } catch (SipParseException e) {
            throw new IllegalArgumentException("registrar is not a SIP URI: " + e.getMessage(), e);
        }
        String aor = OutboundInvite.nameAddr(settings.aor(), HeaderNames.TO);
        SipRequest register = new SipRequest("REGISTER", settings.registrar());
        register.addHeader(HeaderNames.MAX_FORWARDS, "70");
        register.addHeader(HeaderNames.FROM, NameAddress.withTag(aor, LocalTags.next()));
        register.addHeader(HeaderNames.TO, aor);
        register.addHeader(HeaderNames.CALL_ID, callId);
        register.addHeader(HeaderNames.CSEQ, "1 REGISTER");
        register.addHeader(HeaderNames.CONTACT, settings.contact() != null
                ? OutboundInvite.nameAddr(settings.contact(), HeaderNames.CONTACT) : OutboundInvite.contact(local));
        register.addHeader("Expires", Integer.toString(settings.expires()));
        register.addHeader(HeaderNames.CONTENT_LENGTH, "0");
        return register;
    }

    /** The next REGISTER of the registration (§10.2.4): next CSeq, this Expires, no credentials. */
    static SipRequest next(SipRequest last, int expires) {
        SipRequest again = NextRequest.of(last, Set.of("expires", "authorization", "proxy-authorization"));
        again.addHeader("Expires", Integer.toString(expires));
        return again;
    }

    /**
     * §10.2.4: the expiry of our binding in the 2xx: the expires parameter of its Contact for ours, else its
     * Expires header, else what we asked; at least 1 s.
     */
    static int granted(SipResponse ok, SipRequest register) {
        int asked = Integer.parseInt(register.header("Expires"));
        String ours = NameAddress.parse(register.header(HeaderNames.CONTACT), HeaderNames.CONTACT).uri();
        Integer granted = null;
        try {
            for (String contact : ok.headerValues(HeaderNames.CONTACT)) {
                NameAddress binding = NameAddress.parse(contact, HeaderNames.CONTACT);
                if (binding.uri().equals(ours) && binding.params().get("expires") != null) {
                    granted = Integer.valueOf(binding.params().get("expires").trim());
                }
            }
            if (granted == null && ok.header("Expires") != null) {
                granted = Integer.valueOf(ok.header("Expires").trim());
            }
        } catch (SipParseException | NumberFormatException e) {
            granted = null; // a malformed 2xx: what we asked for
        }
        return Math.max(1, granted == null ? asked : granted);
    }
}
