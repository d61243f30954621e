package org.sipee.sip.transaction;

/** States of the non-INVITE client transaction, RFC 3261 §17.1.2 Figure 6. */
public enum NonInviteClientState {
    TRYING, PROCEEDING, COMPLETED, TERMINATED
}
