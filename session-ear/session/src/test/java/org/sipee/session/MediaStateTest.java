package org.sipee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.session.MediaState.*;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The media transition table, edge by edge. */
class MediaStateTest {

    static Stream<Arguments> allowedEdges() {
        return Stream.of(
                Arguments.of(None, Negotiating),
                Arguments.of(Negotiating, Configured), Arguments.of(Negotiating, Failed), Arguments.of(Negotiating, None),
                Arguments.of(Configured, Active), Arguments.of(Configured, Failed), Arguments.of(Configured, None),
                Arguments.of(Active, Paused), Arguments.of(Active, Failed), Arguments.of(Active, None),
                Arguments.of(Paused, Active), Arguments.of(Paused, Failed), Arguments.of(Paused, None),
                Arguments.of(Failed, None));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allowedEdges")
    void allowedEdge(MediaState from, MediaState to) {
        assertTrue(from.canTransitionTo(to));
        assertEquals(to, from.transitionTo(to));
    }

    @Test
    void everyOtherEdgeIsRefused() {
        Set<String> allowed = new HashSet<>();
        allowedEdges().forEach(a -> allowed.add(a.get()[0] + ">" + a.get()[1]));
        for (MediaState from : MediaState.values()) {
            for (MediaState to : MediaState.values()) {
                if (!allowed.contains(from + ">" + to)) {
                    assertFalse(from.canTransitionTo(to), from + " -> " + to);
                }
            }
        }
    }

    @Test
    void illegalTransitionNamesBothStates() {
        IllegalStateTransitionException e = assertThrows(IllegalStateTransitionException.class,
                () -> None.transitionTo(Active));
        assertTrue(e.getMessage().contains("None") && e.getMessage().contains("Active"), e.getMessage());
    }
}
