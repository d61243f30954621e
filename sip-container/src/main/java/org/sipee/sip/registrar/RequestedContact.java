package org.sipee.sip.registrar;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.NameAddress;
import org.sipee.sip.message.SipParseException;

/**
 * One Contact value of a REGISTER, checked (RFC 3261 §20.10, RFC 5626 §4.1, §4.2).
 *
 * @param uri        the Contact URI
 * @param contact    the value as sent minus its expires parameter, see {@link Binding#contact()}
 * @param key        the URI's comparison key ({@link ContactUris#key})
 * @param expires    requested interval in seconds (§10.3 step 7: expires parameter, else Expires, else default)
 * @param qMillis    q times 1000
 * @param instanceId +sip.instance without quotes, or null
 * @param regId      reg-id, or null
 */
record RequestedContact(String uri, String contact, String key, long expires, int qMillis, String instanceId,
        Integer regId) {

    /** §20.19, §10.2: delta-seconds beyond 2^32-1 may be treated as 2^32-1. */
    static final long MAX_DELTA_SECONDS = 0xFFFFFFFFL;
    /** qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) (§25.1). */
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    /**
     * @param headerExpires the Expires header's seconds, or -1 without one
     * @throws Rejection 400 naming what is wrong
     */
    static RequestedContact parse(String value, long headerExpires, int defaultExpires) {
        NameAddress address;
        String key;
        try {
            address = NameAddress.parse(value, HeaderNames.CONTACT);
            key = ContactUris.key(address.uri());
        } catch (SipParseException e) {
            throw new Rejection(400, e.getMessage());
        }
        Map<String, String> params = address.params();
        long expires = params.containsKey("expires") ? deltaSeconds(params.get("expires"), "Contact expires")
                : headerExpires >= 0 ? headerExpires : defaultExpires;
        int q = params.containsKey("q") ? qMillis(params.get("q")) : 1000;
        String instance = params.containsKey("+sip.instance") ? instanceId(params.get("+sip.instance")) : null;
        Integer regId = params.containsKey("reg-id") ? regId(params.get("reg-id"), instance) : null;
        Map<String, String> kept = new LinkedHashMap<>(params);
        kept.remove("expires");
        String contact = new NameAddress(address.displayName(), address.uri(), kept).toString();
        return new RequestedContact(address.uri(), contact, key, expires, q, instance, regId);
    }

    /** This contact with its reg-id ignored (RFC 5626 §6: outbound processing does not apply). */
    RequestedContact withoutRegId() {
        return new RequestedContact(uri, contact, key, expires, qMillis, instanceId, null);
    }

    /**
     * What makes two bindings the same: the instance-id and reg-id when the contact has an instance-id (RFC 5626
     * §6; without reg-id, one binding per instance as RFC 5627 §6 has it), else the URI (RFC 3261 §10.3 step 7).
     */
    String identity() {
        return instanceId != null ? "instance " + instanceId + " reg-id " + regId : "URI " + key;
    }

    boolean sameBindingAs(Binding binding) {
        if (instanceId != null) {
            return instanceId.equals(binding.instanceId()) && Objects.equals(regId, binding.regId());
        }
        return binding.instanceId() == null && key.equals(ContactUris.key(binding.contactUri()));
    }

    /** delta-seconds = 1*DIGIT (§20.19, §25.1), larger values capped. */
    static long deltaSeconds(String value, String what) {
        long seconds = digits(value);
        if (seconds < 0) {
            throw new Rejection(400, what + " '" + abbreviate(value) + "' is not delta-seconds (RFC 3261 §20.19)");
        }
        return seconds;
    }

    private static int qMillis(String value) {
        if (value == null || !QVALUE.matcher(value).matches()) {
            throw new Rejection(400, "Contact q '" + abbreviate(value) + "' is not 0 to 1 with up to 3 decimals"
                    + " (RFC 3261 §20.10)");
        }
        return value.charAt(0) == '1' ? 1000 : value.length() <= 2 ? 0 : Integer.parseInt((value.substring(2) + "00")
                .substring(0, 3));
    }

    /** instance-val is a quoted string (RFC 5626 §4.1, RFC 3840 §9); compared as sent, quotes removed. */
    private static String instanceId(String value) {
        String unquoted = value != null && value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
        if (unquoted == null || unquoted.isBlank()) {
            throw new Rejection(400, "Contact +sip.instance has no value (RFC 5626 §4.1)");
        }
        return unquoted;
    }

    /** reg-id = 1*DIGIT, 1 to 2^31-1, only with an instance-id (RFC 5626 §4.2, §13). */
    private static Integer regId(String value, String instance) {
        if (instance == null) {
            throw new Rejection(400, "Contact reg-id without +sip.instance (RFC 5626 §4.2)");
        }
        long id = digits(value);
        if (id < 1 || id > Integer.MAX_VALUE) {
            throw new Rejection(400, "Contact reg-id '" + abbreviate(value) + "' is not 1 to 2^31-1 (RFC 5626 §13)");
        }
        return (int) id;
    }

    /** The value of 1*DIGIT capped at 2^32-1, or -1 when value is not 1*DIGIT. */
    private static long digits(String value) {
        if (value == null || value.isEmpty()) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            n = Math.min(MAX_DELTA_SECONDS, n * 10 + (ch - '0'));
        }
        return n;
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
