package org.sipee.sip.dialog;

import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.transaction.ServerTransaction;

/** The user of a dialog (a call), told about the peer's requests in it; called on the event loop. */
@FunctionalInterface
public interface DialogListener {

    DialogListener NONE = dialog -> { };

    /** The peer's BYE was answered 200 (§15.1.2); the owner ends its call and removes the dialog. */
    void onByeReceived(Dialog dialog);

    /**
     * Any other request of the peer in the dialog (re-INVITE, UPDATE, PRACK, INFO, MESSAGE, OPTIONS), CSeq already
     * checked (§12.2.2); the owner answers it through the transaction. Without an owner: 481.
     */
    default void onRequest(Dialog dialog, SipRequest request, ServerTransaction transaction) {
        transaction.sendResponse(Responses.create(request, 481, "Call/Transaction Does Not Exist", null));
    }

    /** An ACK in the dialog for a 2xx (initial INVITE or re-INVITE, §13.3.1.4). */
    default void onAck(Dialog dialog, SipRequest ack) {
    }
}
