package org.sipee.sip.ua;

/** RFC 4028 session timer of one dialog. */
enum SessionTimerState {
    /** No session timer negotiated. */
    OFF,
    /** We are the refresher: a refresh goes out at half the interval (§10). */
    WE_REFRESH,
    /** The peer refreshes: without a refresh the session expires (§10). */
    PEER_REFRESHES,
    /** The session expired, or the call ended. */
    STOPPED
}
