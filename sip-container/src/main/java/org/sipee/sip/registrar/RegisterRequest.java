package org.sipee.sip.registrar;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sipee.sip.message.CSeq;
import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.NameAddress;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipUri;

/**
 * What a REGISTER asks of the registrar, checked (RFC 3261 §10.3 steps 5 to 7; RFC 3327; RFC 5626 §6).
 *
 * @param aor           canonical address-of-record of the To URI
 * @param callId        Call-ID
 * @param cseq          CSeq number
 * @param wildcard      Contact: * with Expires: 0 (§10.3 step 6): remove every binding
 * @param contacts      the Contact values in order; empty for a query or a wildcard
 * @param path          Path values in order (RFC 3327)
 * @param echoPath      whether the 200 carries the Path back: the UA sent Supported: path (RFC 3327 §5.3)
 * @param outbound      whether a contact's reg-id was honoured, so the 200 carries Require: outbound (RFC 5626 §6)
 */
record RegisterRequest(String aor, String callId, long cseq, boolean wildcard, List<RequestedContact> contacts,
        List<String> path, boolean echoPath, boolean outbound) {

    /** @throws Rejection the error response the REGISTER gets */
    static RegisterRequest parse(SipRequest register, RegistrarPolicy policy) {
        String aor = aor(register);
        String callId = register.callId();
        if (callId == null || callId.isBlank()) {
            throw new Rejection(400, "Missing Call-ID");
        }
        long cseq = cseq(register);
        List<String> path = path(register);
        boolean echoPath = supports(register, "path") && !path.isEmpty();
        List<String> values = register.headerValues(HeaderNames.CONTACT);
        long expires = expiresHeader(register);
        if (values.contains("*")) { // §10.3 step 6
            if (values.size() > 1 || expires != 0) {
                throw new Rejection(400, "Contact '*' must be the only Contact, with Expires: 0 (RFC 3261 §10.3)");
            }
            return new RegisterRequest(aor, callId, cseq, true, List.of(), path, echoPath, false);
        }
        List<RequestedContact> contacts = values.stream()
                .map(value -> RequestedContact.parse(value, expires, policy.defaultExpires())).toList();
        boolean outbound = contacts.stream().anyMatch(c -> c.regId() != null);
        if (outbound && !outboundApplies(register, path)) {
            if (supports(register, "outbound")) {
                throw new Rejection(439, "First Hop Lacks Outbound Support");
            }
            contacts = contacts.stream().map(RequestedContact::withoutRegId).toList();
            outbound = false;
        }
        check(contacts, policy);
        return new RegisterRequest(aor, callId, cseq, false, contacts, path, echoPath, outbound);
    }

    boolean isQuery() {
        return !wildcard && contacts.isEmpty();
    }

    /** §10.3 step 5; §10.2: the To URI must be a SIP or SIPS URI (else 400), one without user names nobody (404). */
    private static String aor(SipRequest register) {
        NameAddress to;
        SipUri uri;
        try {
            to = register.to();
            uri = to == null ? null : SipUri.parse(to.uri());
        } catch (SipParseException e) {
            throw new Rejection(400, "Malformed To: " + e.getMessage());
        }
        if (uri == null) {
            throw new Rejection(400, "Missing To");
        }
        if (uri.user() == null || uri.user().isEmpty()) {
            throw new Rejection(404, "Not Found: the To URI has no user part (RFC 3261 §10.3 step 5)");
        }
        return ContactUris.canonical(uri);
    }

    private static long cseq(SipRequest register) {
        try {
            CSeq cseq = register.cseq();
            if (cseq == null) {
                throw new Rejection(400, "Missing CSeq");
            }
            return cseq.number();
        } catch (SipParseException e) {
            throw new Rejection(400, "Malformed CSeq: " + e.getMessage());
        }
    }

    /** Seconds of the one Expires header (§20.19), or -1 without one. */
    private static long expiresHeader(SipRequest register) {
        List<String> values = register.headerValues(HeaderNames.EXPIRES);
        if (values.size() > 1) {
            throw new Rejection(400, "Multiple Expires headers");
        }
        return values.isEmpty() ? -1 : RequestedContact.deltaSeconds(values.get(0), "Expires");
    }

    /** Each binding named once; then §10.3 step 7's 423, once every value was read. */
    private static void check(List<RequestedContact> contacts, RegistrarPolicy policy) {
        Set<String> identities = new HashSet<>();
        for (RequestedContact contact : contacts) {
            if (!identities.add(contact.identity())) {
                throw new Rejection(400, "Contact '" + RequestedContact.abbreviate(contact.uri())
                        + "' twice: it names a binding already named in this REGISTER");
            }
        }
        for (RequestedContact contact : contacts) {
            if (policy.tooBrief(contact.expires())) {
                throw new Rejection(423, "Interval Too Brief: " + contact.expires() + " s is below Min-Expires "
                        + policy.minExpires(),
                        List.of(Map.entry(HeaderNames.MIN_EXPIRES, Integer.toString(policy.minExpires()))));
            }
        }
    }

    private static List<String> path(SipRequest register) {
        List<String> path = register.headerValues(HeaderNames.PATH);
        for (String value : path) {
            try {
                NameAddress.parse(value, HeaderNames.PATH);
            } catch (SipParseException e) {
                throw new Rejection(400, e.getMessage());
            }
        }
        return path;
    }

    /**
     * RFC 5626 §6: outbound processing applies when the registrar is the first hop (one Via) or the first Path
     * URI carries the "ob" parameter of an edge proxy that supports it.
     */
    private static boolean outboundApplies(SipRequest register, List<String> path) {
        if (register.headerValues(HeaderNames.VIA).size() == 1) {
            return true;
        }
        if (path.isEmpty()) {
            return false;
        }
        try {
            return SipUri.parse(NameAddress.parse(path.get(0), HeaderNames.PATH).uri()).params().containsKey("ob");
        } catch (SipParseException e) {
            return false;
        }
    }

    private static boolean supports(SipRequest register, String optionTag) {
        return register.headerValues(HeaderNames.SUPPORTED).stream().anyMatch(optionTag::equalsIgnoreCase);
    }
}
