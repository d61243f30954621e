package org.sipee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The refusal a forked call passes on (RFC 3261 §16.7 step 6), and the challenges it never passes on. */
class ForkResponsesTest {

    @Test
    void busyFromAllIsBusy() {
        ForkResponses responses = new ForkResponses();
        responses.add(486, "Busy Here", null);
        responses.add(486, "Busy Here", null);
        assertEquals(new ForkResponses.Best(486, "Busy Here", List.of()), responses.best());
    }

    @Test
    void aSixHundredWinsWhenever() {
        ForkResponses responses = new ForkResponses();
        responses.add(486, "Busy Here", null);
        responses.add(603, "Decline", null);
        responses.add(404, "Not Found", null);
        assertEquals(603, responses.best().status());
    }

    @Test
    void theLowestClassWinsAndTheFirstOfIt() {
        ForkResponses responses = new ForkResponses();
        responses.add(503, "Service Unavailable", null);
        responses.add(408, "Request Timeout", null);
        responses.add(486, "Busy Here", null);
        assertEquals(408, responses.best().status());
    }

    @Test
    void challengesBecomeForbidden() {
        ForkResponses responses = new ForkResponses();
        responses.add(407, "Proxy Authentication Required", null);
        assertEquals(new ForkResponses.Best(403, "Forbidden", List.of()), responses.best());
    }

    @Test
    void nothingTriedIsTemporarilyUnavailable() {
        assertEquals(480, new ForkResponses().best().status());
    }
}
