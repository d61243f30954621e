package org.sipee.sip.registrar;

import java.util.Locale;

import org.sipee.sip.message.NameAddress;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipUri;

/** The two URI forms the registrar indexes by: the canonical address-of-record and a Contact's comparison key. */
final class ContactUris {

    /** URI parameters that make two SIP URIs differ (RFC 3261 §19.1.4), transport added (see {@link #key}). */
    private static final String[] SIGNIFICANT_PARAMS = {"transport", "user", "ttl", "method", "maddr"};

    private ContactUris() {
    }

    /** The URI of a To or other header value ({@code <uri>;params} or a bare URI). */
    static String uriOf(String uriOrHeaderValue) {
        String value = uriOrHeaderValue.trim();
        return value.indexOf('<') >= 0 ? NameAddress.parse(value, "To").uri() : value;
    }

    /**
     * §10.3 step 5: scheme, user with escapes decoded (case kept: §19.1.4 compares userinfo case-sensitively),
     * '@', host in lower case. URI parameters and headers are removed, and so is the port: an AOR names a user
     * of a domain, not a server.
     */
    static String canonical(SipUri uri) {
        return uri.scheme() + ':' + SipUri.unescape(uri.user()) + '@' + uri.host().toLowerCase(Locale.ROOT);
    }

    /**
     * A string equal for two Contact URIs that §19.1.4 calls equivalent, as far as a registrar needs: scheme,
     * userinfo (escapes decoded, case-sensitive), host (case-insensitive), port (absent differs from 5060), and the
     * transport, user, ttl, method and maddr parameters (values case-insensitive). Unlike §19.1.4, transport present
     * in one URI only makes them differ (another transport is another flow); other parameters and headers are not
     * compared. A URI of another scheme (tel:, mailto:, §10.2.1) compares as written, scheme in lower case.
     *
     * @throws SipParseException for a malformed sip: or sips: URI
     */
    static String key(String uri) {
        int colon = uri.indexOf(':');
        String scheme = uri.substring(0, Math.max(colon, 0)).toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips")) {
            return scheme + uri.substring(Math.max(colon, 0));
        }
        SipUri sip = SipUri.parse(uri);
        StringBuilder key = new StringBuilder(uri.length() + 16).append(scheme).append(':');
        if (sip.user() != null) {
            key.append(SipUri.unescape(sip.user())).append('@');
        }
        key.append(sip.host().toLowerCase(Locale.ROOT)).append(':').append(sip.port());
        for (String name : SIGNIFICANT_PARAMS) {
            if (sip.params().containsKey(name)) {
                String value = sip.params().get(name);
                key.append(';').append(name).append('=').append(value == null ? "" : value.toLowerCase(Locale.ROOT));
            }
        }
        return key.toString();
    }
}
