package org.sipee.session;

/** CDI event: the call is over (after its @Bye or @Cancel handlers ran); the last event of the call. */
public record SessionTerminated(CallEnded ended) {
}
