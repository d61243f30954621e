package org.sipee.sip.ua;

/** Life of an {@link OutboundRegistration} (RFC 3261 §10.2); one REGISTER is in flight at a time (§10.2). */
public enum RegistrationState {
    /** A REGISTER is in flight (the first, after a back-off, or answering a 401/407/423) and nothing is bound yet. */
    REGISTERING,
    /** The registrar granted the binding; a timer refreshes it before it expires (§10.2.4). */
    REGISTERED,
    /** A refresh REGISTER is in flight. */
    REFRESHING,
    /** The last REGISTER failed; a timer sends the next one after a back-off. */
    RETRY_WAIT,
    /** close(): the REGISTER with Expires: 0 is in flight, or waits for the one in flight (§10.2.2). */
    UNREGISTERING,
    /** Over; the listener has been told. */
    ENDED
}
