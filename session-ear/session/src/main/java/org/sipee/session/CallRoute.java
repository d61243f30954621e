package org.sipee.session;

import java.util.regex.Pattern;

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

    /** @param fromHeader, toHeader the header values as received (name-addr or addr-spec, with parameters) */
    boolean matches(String callRequestUri, String fromHeader, String toHeader) {
        return matches(requestUri, callRequestUri) && matches(from, uriOf(fromHeader, "From"))
                && matches(to, uriOf(toHeader, "To"));
    }

    /** How much of the patterns is literal: the most specific matching route wins. */
    int specificity() {
        return literal(requestUri) + literal(from) + literal(to);
    }

    @Override
    public String toString() {
        return "request-URI \"" + requestUri + "\", from \"" + from + "\", to \"" + to + "\"";
    }

    private static boolean matches(String pattern, String value) {
        return value != null && value.matches(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
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
