package org.sipee.sip.dialog;

/** Dialog states (RFC 3261 §12): early after a tagged 1xx, confirmed after a 2xx. */
public enum DialogState {
    EARLY, CONFIRMED, TERMINATED
}
