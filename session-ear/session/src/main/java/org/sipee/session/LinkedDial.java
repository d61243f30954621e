package org.sipee.session;

/**
 * The context of a dial placed for another call of this application (a back-to-back leg, a transferee's new call):
 * the coordinator hands it the new session before the INVITE goes out, so nothing the callee answers is missed.
 */
interface LinkedDial {

    /** The session of the dialled call; false when it should not be placed any more (its reason ended meanwhile). */
    boolean attach(OutboundSession session);
}
