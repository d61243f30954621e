package org.sipee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Which calls an @Invite route takes, and which of several matching routes is the most specific. */
class CallRouteTest {

    private static final String FROM = "\"Carol\" <sip:carol@partner.example>;tag=c1";
    private static final String TO = "<sip:support@pbx.example>";

    @Test
    void matchesRequestUriFromAndToUris() {
        CallRoute route = new CallRoute("sip:support@*", "sip:*@partner.example", "*");
        assertTrue(matches(route, "sip:support@127.0.0.1:5060", FROM, TO));
        assertFalse(matches(route, "sip:sales@127.0.0.1:5060", FROM, TO), "other request-URI");
        assertFalse(matches(route, "sip:support@127.0.0.1:5060", "<sip:dave@elsewhere.example>;tag=d", TO), "other From");
    }

    @Test
    void fromAndToAreComparedWithoutDisplayNameAndParameters() {
        assertTrue(matches(new CallRoute("*", "sip:carol@partner.example", "sip:support@pbx.example"), "sip:x@y", FROM, TO));
        assertTrue(matches(new CallRoute("*", "sip:carol@*", "*"), "sip:x@y", "sip:carol@a.example;tag=9", TO),
                "an addr-spec From without angle brackets");
    }

    @Test
    void patternsAreLiteralApartFromTheStar() {
        assertFalse(matches(new CallRoute("sip:a.c@*", "*", "*"), "sip:abc@host", FROM, TO), "a dot is a dot");
        assertFalse(matches(new CallRoute("*", "*", "*"), "sip:x@y", "garbage <<", TO), "an unparsable From matches nothing");
    }

    @Test
    void specificityCountsLiteralCharactersOverAllThreePatterns() {
        assertEquals(0, new CallRoute("*", "*", "*").specificity());
        assertTrue(new CallRoute("sip:support@*", "sip:*@partner.example", "*").specificity()
                > new CallRoute("sip:support@*", "*", "*").specificity());
    }

    @Test
    void globsMatchWholeValuesWithStarsAnywhere() {
        assertTrue(CallRoute.globMatches("sip:*@*:5060", "sip:alice@127.0.0.1:5060"));
        assertFalse(CallRoute.globMatches("sip:*@*:5060", "sip:alice@127.0.0.1:5061"));
        assertFalse(CallRoute.globMatches("a*a", "a"), "prefix and suffix may not overlap");
        assertTrue(CallRoute.globMatches("a*a", "aa"));
        assertTrue(CallRoute.globMatches("**", ""));
        assertFalse(CallRoute.globMatches("", "a"));
        assertFalse(CallRoute.globMatches("*", null));
    }

    /** The same answers as the regular expression the route stands for, on many small random cases. */
    @Test
    void globsAgreeWithTheEquivalentRegularExpression() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String pattern = randomText(random, "ab*.", 6);
            String value = randomText(random, "ab.", 8);
            boolean expected = value.matches(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
            assertEquals(expected, CallRoute.globMatches(pattern, value), "pattern \"" + pattern + "\", value \"" + value + "\"");
        }
    }

    private static boolean matches(CallRoute route, String requestUri, String fromHeader, String toHeader) {
        return route.matches(CallRoute.Target.of(requestUri, fromHeader, toHeader));
    }

    private static String randomText(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(maxLength + 1); n > 0; n--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
