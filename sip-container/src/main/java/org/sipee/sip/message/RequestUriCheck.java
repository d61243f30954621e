package org.sipee.sip.message;

/**
 * Syntax of the Request-URI (RFC 3261 §7.1, §19.1.1, §25.1): Request-URI = SIP-URI / SIPS-URI / absoluteURI.
 * A URI of another scheme only needs to be well formed: whether it is supported (416) is the UAS's
 * decision (§8.2.2.1, RFC 4475 §3.3.2).
 */
final class RequestUriCheck {

    private RequestUriCheck() {
    }

    static void check(String uri) {
        int colon = uri.indexOf(':');
        // RFC 4475 §3.1.2.7: <sip:...> is not a URI
        if (colon <= 0 || !NameAddress.isScheme(uri, colon)) {
            throw error("Request-URI '" + SipParser.abbreviate(uri) + "' does not start with a URI scheme");
        }
        for (int i = colon + 1; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == 0x7f) {
                throw error("Request-URI '" + SipParser.abbreviate(uri) + "' contains a character URIs cannot hold");
            }
        }
        if (uri.regionMatches(true, 0, "sip:", 0, 4) || uri.regionMatches(true, 0, "sips:", 0, 5)) {
            checkSipUri(uri, colon);
        }
    }

    private static void checkSipUri(String uri, int colon) {
        int at = uri.indexOf('@', colon);
        int hostStart = at < 0 ? colon + 1 : at + 1;
        // §19.1.1 table: headers are not allowed in a Request-URI (RFC 4475 §3.1.2.11)
        if (uri.indexOf('?', hostStart) >= 0) {
            throw error("Request-URI '" + SipParser.abbreviate(uri) + "' carries headers, which §19.1.1 forbids there");
        }
        try {
            SipUri.parse(uri);
        } catch (SipParseException e) {
            throw error(e.getMessage());
        }
    }

    private static SipParseException error(String problem) {
        return new SipParseException(problem, 400, StartLine.BAD_REQUEST_URI, null);
    }
}
