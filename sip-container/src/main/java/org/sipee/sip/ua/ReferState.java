package org.sipee.sip.ua;

/** An incoming REFER (RFC 3515): not yet answered, accepted with its implicit subscription active, or done. */
enum ReferState {
    UNANSWERED, SUBSCRIBED, DONE
}
