package org.sipee.sip.transaction;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The allowed edges of a state machine; an edge not in the table is a programming error. */
public final class TransitionTable<S extends Enum<S>> {

    private final String machine;
    private final Map<S, Set<S>> edges;

    private TransitionTable(String machine, Map<S, Set<S>> edges) {
        this.machine = machine;
        this.edges = edges;
    }

    public static <S extends Enum<S>> Builder<S> of(String machine, Class<S> states) {
        return new Builder<>(machine, states);
    }

    public boolean canTransition(S from, S to) {
        return edges.get(from).contains(to);
    }

    /** Returns {@code to} when the edge exists, otherwise throws naming the machine and both states. */
    public S transition(S from, S to) {
        if (!canTransition(from, to)) {
            throw new IllegalStateException(machine + ": illegal transition " + from + " -> " + to);
        }
        return to;
    }

    public static final class Builder<S extends Enum<S>> {
        private final String machine;
        private final Class<S> states;
        private final Map<S, Set<S>> edges;

        private Builder(String machine, Class<S> states) {
            this.machine = machine;
            this.states = states;
            this.edges = new EnumMap<>(states);
            for (S state : states.getEnumConstants()) {
                edges.put(state, EnumSet.noneOf(states));
            }
        }

        @SafeVarargs
        public final Builder<S> allow(S from, S... to) {
            edges.get(from).addAll(Set.of(to));
            return this;
        }

        public TransitionTable<S> build() {
            Map<S, Set<S>> frozen = new EnumMap<>(states);
            edges.forEach((from, to) -> frozen.put(from, to.isEmpty() ? Set.of() : EnumSet.copyOf(to)));
            return new TransitionTable<>(machine, frozen);
        }
    }
}
