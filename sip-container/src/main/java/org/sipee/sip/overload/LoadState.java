package org.sipee.sip.overload;

/**
 * Whether new requests outside a dialog are shed for one load signal (the backlog, the loop's lag), with hysteresis:
 * shedding starts at the signal's limit and stops at half of it, so the decision does not flap at one threshold.
 */
enum LoadState {
    NORMAL,
    SHEDDING;

    /** The transition table: the state after observing {@code value} of a signal limited to {@code limit}. */
    LoadState next(long value, long limit) {
        return switch (this) {
            case NORMAL -> value >= limit ? SHEDDING : NORMAL;
            case SHEDDING -> value <= limit / 2 ? NORMAL : SHEDDING;
        };
    }
}
