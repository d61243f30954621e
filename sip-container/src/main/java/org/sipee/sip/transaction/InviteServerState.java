package org.sipee.sip.transaction;

/** States of the INVITE server transaction, RFC 3261 §17.2.1 Figure 7 as updated by RFC 6026 §7.1. */
public enum InviteServerState {
    PROCEEDING, COMPLETED, CONFIRMED, ACCEPTED, TERMINATED
}
