package org.sipee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which calls an @Invite route takes, and which of several matching routes is the most specific. */
class CallRouteTest {

    private static final String FROM = "\"Carol\" <sip:carol@partner.example>;tag=c1";
    private static final String TO = "<sip:support@pbx.example>";

    @Test
    void matchesRequestUriFromAndToUris() {
        CallRoute route = new CallRoute("sip:support@*", "sip:*@partner.example", "*");
        assertTrue(route.matches("sip:support@127.0.0.1:5060", FROM, TO));
        assertFalse(route.matches("sip:sales@127.0.0.1:5060", FROM, TO), "other request-URI");
        assertFalse(route.matches("sip:support@127.0.0.1:5060", "<sip:dave@elsewhere.example>;tag=d", TO), "other From");
    }

    @Test
    void fromAndToAreComparedWithoutDisplayNameAndParameters() {
        assertTrue(new CallRoute("*", "sip:carol@partner.example", "sip:support@pbx.example").matches("sip:x@y", FROM, TO));
        assertTrue(new CallRoute("*", "sip:carol@*", "*").matches("sip:x@y", "sip:carol@a.example;tag=9", TO),
                "an addr-spec From without angle brackets");
    }

    @Test
    void patternsAreLiteralApartFromTheStar() {
        assertFalse(new CallRoute("sip:a.c@*", "*", "*").matches("sip:abc@host", FROM, TO), "a dot is a dot");
        assertFalse(new CallRoute("*", "*", "*").matches("sip:x@y", "garbage <<", TO), "an unparsable From matches nothing");
    }

    @Test
    void specificityCountsLiteralCharactersOverAllThreePatterns() {
        assertEquals(0, new CallRoute("*", "*", "*").specificity());
        assertTrue(new CallRoute("sip:support@*", "sip:*@partner.example", "*").specificity()
                > new CallRoute("sip:support@*", "*", "*").specificity());
    }
}
