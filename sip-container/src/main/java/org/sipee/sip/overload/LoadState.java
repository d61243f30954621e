package org.sipee.sip.overload;

/**
 * Whether new requests outside a dialog are shed, decided on the backlog with hysteresis: shedding starts at
 * {@code overloadBacklog} and stops at half of it, so the decision does not flap at one threshold.
 */
enum LoadState {
    NORMAL,
    SHEDDING;

    /** The transition table: the state after observing {@code backlog}. */
    LoadState next(int backlog, OverloadPolicy policy) {
        return switch (this) {
            case NORMAL -> backlog >= policy.overloadBacklog() ? SHEDDING : NORMAL;
            case SHEDDING -> backlog <= policy.backlogResume() ? NORMAL : SHEDDING;
        };
    }
}
