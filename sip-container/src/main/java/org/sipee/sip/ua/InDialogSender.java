package org.sipee.sip.ua;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.List;

import org.sipee.sip.dialog.Dialog;
import org.sipee.sip.dialog.DialogRequests;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.ClientTransactionLayer;
import org.sipee.sip.transaction.ClientTransactionListener;
import org.sipee.sip.transaction.TransactionFailure;
import org.sipee.sip.transport.SentMessage;

/**
 * Sends our requests inside a dialog (§12.2.1.1) to its next hop: the first route, else the remote target, else
 * {@code fallback} (where the dialog's INVITE came from or went to) when that URI is not an IP literal.
 */
final class InDialogSender {

    private static final System.Logger LOG = System.getLogger(InDialogSender.class.getName());

    private final ClientTransactionLayer transactions;

    InDialogSender(ClientTransactionLayer transactions) {
        this.transactions = transactions;
    }

    /** §15.1.1: BYE with the next local CSeq; its outcome is only logged, the dialog is over either way. */
    void sendBye(Dialog dialog, InetSocketAddress fallback) {
        SipRequest bye = DialogRequests.create(dialog, "BYE");
        transactions.sendRequest(bye, destination(dialog, fallback), new ClientTransactionListener() {
            @Override
            public void onResponse(SipResponse response) {
                LOG.log(Level.DEBUG, "BYE in {0} answered {1}", dialog.id(), response.status());
            }

            @Override
            public void onFailure(TransactionFailure failure) {
                LOG.log(Level.INFO, "BYE in {0} failed: {1}", dialog.id(), failure);
            }
        });
    }

    /** §13.2.2.4: the ACK for a 2xx, sent directly (no transaction); the result resends it. */
    SentMessage sendAck(Dialog dialog, long inviteCSeq, InetSocketAddress fallback) {
        return sendAck(dialog, inviteCSeq, fallback, null);
    }

    /** The ACK for a 2xx, carrying {@code sdp} (the answer to an offer in a 2xx, §13.2.2.4) when not null. */
    SentMessage sendAck(Dialog dialog, long inviteCSeq, InetSocketAddress fallback, String sdp) {
        SipRequest ack = DialogRequests.ackFor2xx(dialog, inviteCSeq);
        Bodies.set(ack, Bodies.SDP, sdp);
        return transactions.sendAck(ack, destination(dialog, fallback));
    }

    /** §13.2.2.4: the ACK for a 2xx to {@code invite}, with its CSeq number and the same credentials it had. */
    SentMessage sendAck(Dialog dialog, SipRequest invite, InetSocketAddress fallback) {
        SipRequest ack = DialogRequests.ackFor2xx(dialog, invite.cseq().number());
        for (String name : List.of("Authorization", "Proxy-Authorization")) {
            invite.headerLines(name).forEach(line -> ack.addHeader(line.name(), line.value()));
        }
        return transactions.sendAck(ack, destination(dialog, fallback));
    }

    /** A re-INVITE built with {@link DialogRequests#create}, in its own client transaction (§14.1). */
    void sendInvite(Dialog dialog, SipRequest invite, InetSocketAddress fallback, ClientTransactionListener listener) {
        transactions.sendInvite(invite, destination(dialog, fallback), listener);
    }

    /** Any other request built with {@link DialogRequests#create} (PRACK, UPDATE, INFO, MESSAGE, OPTIONS). */
    void send(Dialog dialog, SipRequest request, InetSocketAddress fallback, ClientTransactionListener listener) {
        transactions.sendRequest(request, destination(dialog, fallback), listener);
    }

    private static InetSocketAddress destination(Dialog dialog, InetSocketAddress fallback) {
        return NextHop.of(DialogRequests.nextHopUri(dialog), fallback);
    }
}
