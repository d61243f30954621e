package org.sipee.sip.transaction;

import java.net.InetSocketAddress;

import org.sipee.sip.message.SipRequest;

/** The layer above the transactions (the UAS core), called on the event loop. */
public interface TransactionUser {

    /** A request that created a new server transaction; the TU answers through it. */
    void onNewRequest(SipRequest request, InetSocketAddress source, ServerTransaction transaction);

    /**
     * A CANCEL, in its own new transaction; invite is the INVITE transaction it matches by the rules of
     * §17.2.3 with method INVITE (§9.2), or null when none matches.
     */
    void onCancel(SipRequest cancel, ServerTransaction cancelTransaction, InviteServerTransaction invite);

    /** An ACK no transaction absorbed: the ACK for a 2xx (§13.3.1.4, §17.1.1.3), or a stray one. */
    void onAck(SipRequest ack, InetSocketAddress source);
}
