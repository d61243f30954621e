package org.sipee.session;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Lifecycle of a call session. Every session ends through Terminating (media released,
 * handlers told) into Terminated. The allowed edges are the table below; nothing else.
 */
public enum SessionState {
    Initializing, Dialing, Ringing, Connected, OnHold, Transferring, Terminating, Terminated;

    private static final Map<SessionState, EnumSet<SessionState>> NEXT = Map.of(
            Initializing, EnumSet.of(Dialing, Ringing, Connected, Terminating),
            Dialing, EnumSet.of(Ringing, Connected, Terminating),
            Ringing, EnumSet.of(Connected, Terminating),
            Connected, EnumSet.of(OnHold, Transferring, Terminating),
            OnHold, EnumSet.of(Connected, Transferring, Terminating),
            Transferring, EnumSet.of(Connected, OnHold, Terminating),
            Terminating, EnumSet.of(Terminated),
            Terminated, EnumSet.noneOf(SessionState.class));

    public boolean canTransitionTo(SessionState next) {
        return NEXT.get(this).contains(next);
    }

    /** The states reachable in one step. */
    public Set<SessionState> next() {
        return EnumSet.copyOf(NEXT.get(this));
    }

    /** Returns next, or throws naming both states. */
    public SessionState transitionTo(SessionState next) {
        if (!canTransitionTo(next)) {
            throw new IllegalStateTransitionException(this, next);
        }
        return next;
    }

    public boolean isTerminal() {
        return this == Terminating || this == Terminated;
    }
}
