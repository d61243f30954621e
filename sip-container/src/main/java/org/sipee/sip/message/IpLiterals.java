package org.sipee.sip.message;

/**
 * Syntax of IP address literals in hosts and in Via received (RFC 3261 §25.1, RFC 4291 §2.2,
 * RFC 5118). No allocation except for the RFC 5118 §4.10 case.
 */
final class IpLiterals {

    private IpLiterals() {
    }

    /**
     * Whether text is an IPv6address (RFC 4291 §2.2: eight 16-bit groups, at most one "::", an optional
     * trailing IPv4 address). RFC 5118 §4.10: the three-colon form RFC 3261's ABNF allows before an
     * embedded IPv4 address (2001:db8:::192.0.2.1) must be tolerated; it is read as "::".
     */
    static boolean isIpv6(String text) {
        int triple = text.indexOf(":::");
        if (triple >= 0) {
            String rest = text.substring(triple + 3);
            if (rest.indexOf(':') >= 0 || rest.indexOf('.') < 0) {
                return false;
            }
            text = text.substring(0, triple) + "::" + rest;
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        if (gap < 0) {
            return groups(text, 0, text.length(), true) == 8;
        }
        boolean tailEmpty = gap + 2 == text.length();
        int head = gap == 0 ? 0 : groups(text, 0, gap, false);
        int tail = tailEmpty ? 0 : groups(text, gap + 2, text.length(), true);
        return head >= 0 && tail >= 0 && head + tail <= 7;
    }

    /** Number of 16-bit groups in text[from, to) (an IPv4 address counts two), or -1 when malformed. */
    private static int groups(String text, int from, int to, boolean mayEndInIpv4) {
        int count = 0;
        int start = from;
        while (true) {
            int colon = text.indexOf(':', start);
            int end = colon < 0 || colon >= to ? to : colon;
            boolean last = end == to;
            if (last && mayEndInIpv4 && text.indexOf('.', start) >= 0 && text.indexOf('.', start) < to) {
                return isIpv4(text, start, to) ? count + 2 : -1;
            }
            if (!isHexGroup(text, start, end)) {
                return -1;
            }
            count++;
            if (last) {
                return count;
            }
            start = end + 1;
        }
    }

    private static boolean isHexGroup(String text, int from, int to) {
        if (to <= from || to - from > 4) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /** Dotted-quad IPv4 address with octets 0..255. */
    static boolean isIpv4(String text, int from, int to) {
        int octets = 0;
        int value = -1;
        int digits = 0;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (++digits > 3 || value > 255) {
                    return false;
                }
            } else if (c == '.' && digits > 0) {
                octets++;
                value = -1;
                digits = 0;
            } else {
                return false;
            }
        }
        return octets == 4;
    }
}
