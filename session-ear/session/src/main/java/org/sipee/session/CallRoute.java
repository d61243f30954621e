package org.sipee.session;

import org.sipee.sip.message.NameAddress;

/** The calls an @Invite handler takes: patterns for the request-URI and the From and To URIs ({@code *}: anything). */
record CallRoute(String requestUri, String from, String to) {

    static CallRoute of(Invite invite) {
        return new CallRoute(invite.value(), invite.from(), invite.to());
    }

    /** Calls to a callee URI pattern (the response handlers' selection). */
    static CallRoute callee(String requestUri) {
        return new CallRoute(requestUri, "*", "*");
    }

    boolean matches(Target call) {
        return globMatches(requestUri, call.requestUri()) && globMatches(from, call.fromUri())
                && globMatches(to, call.toUri());
    }

    /** A call's URIs, From and To parsed once for all the routes it is matched against. */
    record Target(String requestUri, String fromUri, String toUri) {
        /** @param fromHeader, toHeader the header values as received (name-addr or addr-spec, with parameters) */
        static Target of(String requestUri, String fromHeader, String toHeader) {
            return new Target(requestUri, uriOf(fromHeader, "From"), uriOf(toHeader, "To"));
        }
    }

    /** How much of the patterns is literal: the most specific matching route wins. */
    int specificity() {
        return literal(requestUri) + literal(from) + literal(to);
    }

    @Override
    public String toString() {
        return "request-URI \"" + requestUri + "\", from \"" + from + "\", to \"" + to + "\"";
    }

    /** Whether the whole value matches the pattern, {@code *} standing for any characters (none too), all else for itself. */
    static boolean globMatches(String pattern, String value) {
        if (value == null) {
            return false;
        }
        int first = pattern.indexOf('*');
        if (first < 0) {
            return pattern.equals(value);
        }
        int last = pattern.lastIndexOf('*');
        int suffix = pattern.length() - last - 1;
        int end = value.length() - suffix; // where the part after the last * must start
        if (end < first || !value.regionMatches(0, pattern, 0, first) || !value.regionMatches(end, pattern, last + 1, suffix)) {
            return false;
        }
        int at = first;
        for (int star = first; star < last; ) { // each literal between two stars, leftmost first
            int next = pattern.indexOf('*', star + 1);
            int length = next - star - 1;
            at = find(value, at, end, pattern, star + 1, length);
            if (at < 0) {
                return false;
            }
            at += length;
            star = next;
        }
        return true;
    }

    /** Where pattern[offset, offset+length) first occurs in value[from, to), or -1. */
    private static int find(String value, int from, int to, String pattern, int offset, int length) {
        for (int i = from; i + length <= to; i++) {
            if (value.regionMatches(i, pattern, offset, length)) {
                return i;
            }
        }
        return -1;
    }

    private static int literal(String pattern) {
        return pattern.replace("*", "").length();
    }

    private static String uriOf(String header, String name) {
        try {
            return header == null ? null : NameAddress.parse(header, name).uri();
        } catch (RuntimeException malformed) { // the stack has validated it; be safe anyway: no match
            return null;
        }
    }
}
