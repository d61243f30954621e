package org.sipee.sip.ua;

/** Why a call ended; reported exactly once per call. */
public enum CallEndReason {
    /** The peer sent BYE; the stack has answered it with 200. */
    REMOTE_BYE,
    /** We sent BYE because the application called hangUp(). */
    LOCAL_BYE,
    /** The caller sent CANCEL before a final response; the stack answered 200 and 487. */
    CANCELLED,
    /** The application answered the INVITE with a final non-2xx response. */
    REJECTED,
    /** Our 2xx was never acknowledged (RFC 3261 §13.3.1.4, 64*T1); the stack sent BYE (§15). */
    NO_ACK,
    /** The stack was shut down while the call was up. */
    SHUTDOWN,
    /** RFC 4028 §10: the session interval passed without a refresh (or our refresh got 408/481); we sent BYE. */
    SESSION_EXPIRED,
    /** No RTP arrived for the configured media timeout; the application's session layer sent BYE. */
    MEDIA_TIMEOUT
}
