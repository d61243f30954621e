package org.sipee.sip.dialog;

/** The user of a dialog (a call), told about requests from the peer that end it; called on the event loop. */
@FunctionalInterface
public interface DialogListener {

    DialogListener NONE = dialog -> { };

    /** The peer's BYE was answered 200 (§15.1.2); the owner ends its call and removes the dialog. */
    void onByeReceived(Dialog dialog);
}
