package org.sipee.session;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Media of a call session: None (no stream), Negotiating (offer being answered), Configured
 * (stream bound and pointed at the peer, answer sent), Active (call confirmed, RTP flows),
 * Paused (on hold), Failed (negotiation or stream failure). Releasing the stream returns to None.
 */
public enum MediaState {
    None, Negotiating, Configured, Active, Paused, Failed;

    private static final Map<MediaState, Set<MediaState>> NEXT = Map.of(
            None, EnumSet.of(Negotiating),
            Negotiating, EnumSet.of(Configured, Failed, None),
            Configured, EnumSet.of(Active, Failed, None),
            Active, EnumSet.of(Paused, Failed, None),
            Paused, EnumSet.of(Active, Failed, None),
            Failed, EnumSet.of(None));

    public boolean canTransitionTo(MediaState next) {
        return NEXT.get(this).contains(next);
    }

    /** Returns next, or throws naming both states. */
    public MediaState transitionTo(MediaState next) {
        if (!canTransitionTo(next)) {
            throw new IllegalStateTransitionException(this, next);
        }
        return next;
    }
}
