package org.sipee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.session.SessionState.*;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The session transition table, edge by edge, written out independently of the enum. */
class SessionStateTest {

    static Stream<Arguments> allowedEdges() {
        return Stream.of(
                Arguments.of(Initializing, Dialing), Arguments.of(Initializing, Ringing),
                Arguments.of(Initializing, Connected), Arguments.of(Initializing, Terminating),
                Arguments.of(Dialing, Ringing), Arguments.of(Dialing, Connected), Arguments.of(Dialing, Terminating),
                Arguments.of(Ringing, Connected), Arguments.of(Ringing, Terminating),
                Arguments.of(Connected, OnHold), Arguments.of(Connected, Transferring), Arguments.of(Connected, Terminating),
                Arguments.of(OnHold, Connected), Arguments.of(OnHold, Transferring), Arguments.of(OnHold, Terminating),
                Arguments.of(Transferring, Connected), Arguments.of(Transferring, OnHold), Arguments.of(Transferring, Terminating),
                Arguments.of(Terminating, Terminated));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allowedEdges")
    void allowedEdge(SessionState from, SessionState to) {
        assertTrue(from.canTransitionTo(to));
        assertEquals(to, from.transitionTo(to));
    }

    @Test
    void everyOtherEdgeIsRefused() {
        Set<String> allowed = new java.util.HashSet<>();
        allowedEdges().forEach(a -> allowed.add(a.get()[0] + ">" + a.get()[1]));
        int refused = 0;
        for (SessionState from : SessionState.values()) {
            for (SessionState to : SessionState.values()) {
                if (!allowed.contains(from + ">" + to)) {
                    assertFalse(from.canTransitionTo(to), from + " -> " + to);
                    refused++;
                }
            }
        }
        assertEquals(64 - 19, refused);
    }

    @Test
    void illegalTransitionNamesBothStates() {
        IllegalStateTransitionException e = assertThrows(IllegalStateTransitionException.class,
                () -> Terminated.transitionTo(Connected));
        assertTrue(e.getMessage().contains("Terminated") && e.getMessage().contains("Connected"), e.getMessage());
    }

    @Test
    void terminatedIsFinal() {
        assertEquals(EnumSet.noneOf(SessionState.class), Terminated.next());
        assertTrue(Terminating.isTerminal() && Terminated.isTerminal());
    }
}
