package org.sipee.sip.message;

/** Request-Line and Status-Line (RFC 3261 §7.1, §7.2, §25.1): elements separated by exactly one SP. */
final class StartLine {

    private StartLine() {
    }

    static SipMessage parse(String line) {
        return line.regionMatches(true, 0, "SIP/", 0, 4) ? statusLine(line) : requestLine(line);
    }

    private static SipRequest requestLine(String line) {
        int sp1 = line.indexOf(' ');
        int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        if (sp1 <= 0 || sp2 < 0 || sp2 == sp1 + 1 || line.indexOf(' ', sp2 + 1) >= 0 || sp2 == line.length() - 1) {
            throw new SipParseException("malformed request line '" + SipParser.abbreviate(line) + "'");
        }
        String method = line.substring(0, sp1);
        if (!method.chars().allMatch(c -> ValueCursor.isTokenChar((char) c))) {
            throw new SipParseException("method '" + SipParser.abbreviate(method) + "' is not a token");
        }
        String version = line.substring(sp2 + 1);
        if (!version.regionMatches(true, 0, "SIP/", 0, 4)) {
            throw new SipParseException("request line does not end with a SIP version: '" + SipParser.abbreviate(line) + "'");
        }
        return new SipRequest(method, line.substring(sp1 + 1, sp2), version);
    }

    private static SipResponse statusLine(String line) {
        int sp1 = line.indexOf(' ');
        if (sp1 < 0 || line.length() < sp1 + 4 || (line.length() > sp1 + 4 && line.charAt(sp1 + 4) != ' ')) {
            throw new SipParseException("malformed status line '" + SipParser.abbreviate(line) + "'");
        }
        if (!line.substring(0, sp1).equalsIgnoreCase(SipRequest.SIP_VERSION)) {
            throw new SipParseException("unsupported SIP version in status line '" + SipParser.abbreviate(line) + "'");
        }
        String code = line.substring(sp1 + 1, sp1 + 4);
        if (!code.chars().allMatch(Character::isDigit) || code.charAt(0) < '1' || code.charAt(0) > '6') {
            throw new SipParseException("status code '" + code + "' is not 100..699");
        }
        String reason = line.length() > sp1 + 5 ? line.substring(sp1 + 5) : "";
        return new SipResponse(Integer.parseInt(code), reason);
    }
}
