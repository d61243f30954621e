package org.sipee.sip.message;

/**
 * Request-Line and Status-Line (RFC 3261 §7.1, §7.2, §25.1): elements separated by exactly one SP.
 * Errors in a request line are 400s; {@link #lenientRequest} recovers what is needed to send one.
 */
final class StartLine {

    static final String BAD_REQUEST_LINE = "Malformed Request-Line";
    static final String BAD_REQUEST_URI = "Bad Request-URI";

    private StartLine() {
    }

    static SipMessage parse(String line) {
        return line.regionMatches(true, 0, "SIP/", 0, 4) ? statusLine(line) : requestLine(line);
    }

    private static SipRequest requestLine(String line) {
        int sp1 = line.indexOf(' ');
        int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 < 0) {
            throw requestLineError("request line '" + SipParser.abbreviate(line) + "' does not have three elements");
        }
        // RFC 4475 §3.1.2.8-10: LWS inside the Request-URI, several SP, SP at the end are all refused
        if (sp2 == sp1 + 1 || sp2 == line.length() - 1 || line.indexOf(' ', sp2 + 1) >= 0) {
            throw requestLineError("request line '" + SipParser.abbreviate(line)
                    + "' has spaces other than one SP between method, Request-URI and version");
        }
        String method = line.substring(0, sp1);
        for (int i = 0; i < method.length(); i++) {
            if (!ValueCursor.isTokenChar(method.charAt(i))) {
                throw requestLineError("method '" + SipParser.abbreviate(method) + "' is not a token");
            }
        }
        String version = line.substring(sp2 + 1);
        if (!isVersion(version)) {
            throw requestLineError("request line does not end with a SIP version: '" + SipParser.abbreviate(line) + "'");
        }
        String uri = line.substring(sp1 + 1, sp2);
        RequestUriCheck.check(uri);
        return new SipRequest(method, uri, version);
    }

    /**
     * A request from a malformed request line, with the elements split at runs of whitespace, so that the
     * error can be answered (§8.2: 400); null when the line does not look like a request line at all.
     */
    static SipRequest lenientRequest(String line) {
        String[] parts = line.trim().split("[ \t]+");
        if (parts.length < 3 || !parts[parts.length - 1].regionMatches(true, 0, "SIP/", 0, 4)) {
            return null;
        }
        String uri = String.join(" ", java.util.Arrays.asList(parts).subList(1, parts.length - 1));
        return new SipRequest(parts[0], uri, parts[parts.length - 1]);
    }

    /** SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT, case-insensitive (§7.1). */
    private static boolean isVersion(String version) {
        int dot = version.indexOf('.');
        return version.regionMatches(true, 0, "SIP/", 0, 4) && dot > 4
                && ValueCursor.isDigits(version.substring(4, dot)) && ValueCursor.isDigits(version.substring(dot + 1));
    }

    private static SipResponse statusLine(String line) {
        int sp1 = line.indexOf(' ');
        if (sp1 < 0) {
            throw new SipParseException("status line '" + SipParser.abbreviate(line) + "' has no status code");
        }
        if (!isVersion(line.substring(0, sp1))) {
            throw new SipParseException("malformed SIP version in status line '" + SipParser.abbreviate(line) + "'");
        }
        if (!line.substring(0, sp1).equalsIgnoreCase(SipRequest.SIP_VERSION)) {
            throw new SipParseException("unsupported SIP version in status line '" + SipParser.abbreviate(line) + "'");
        }
        int sp2 = line.indexOf(' ', sp1 + 1);
        String code = sp2 < 0 ? line.substring(sp1 + 1) : line.substring(sp1 + 1, sp2);
        // §7.2, §21: Status-Code is 3DIGIT, 100..699 (RFC 4475 §3.1.2.19: larger codes are dropped)
        if (code.length() != 3 || !ValueCursor.isDigits(code) || code.charAt(0) < '1' || code.charAt(0) > '6') {
            throw new SipParseException("status code '" + SipParser.abbreviate(code) + "' is not three digits 100..699");
        }
        String reason = sp2 < 0 ? "" : line.substring(sp2 + 1);
        return new SipResponse(Integer.parseInt(code), reason);
    }

    private static SipParseException requestLineError(String problem) {
        return new SipParseException(problem, 400, BAD_REQUEST_LINE, null);
    }
}
