package org.sipee.sip.transaction;

/** States of the non-INVITE server transaction, RFC 3261 §17.2.2 Figure 8. */
public enum NonInviteServerState {
    TRYING, PROCEEDING, COMPLETED, TERMINATED
}
