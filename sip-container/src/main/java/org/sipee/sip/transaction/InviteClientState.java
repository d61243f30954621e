package org.sipee.sip.transaction;

/** States of the INVITE client transaction, RFC 3261 §17.1.1 Figure 5 as updated by RFC 6026 §7.2. */
public enum InviteClientState {
    CALLING, PROCEEDING, COMPLETED, ACCEPTED, TERMINATED
}
