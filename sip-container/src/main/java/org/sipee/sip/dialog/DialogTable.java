package org.sipee.sip.dialog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.sipee.sip.message.SipRequest;

/** Dialogs by id; in-dialog requests are matched on Call-ID, To tag (ours) and From tag (theirs) (§12.2.2). */
public final class DialogTable {

    private final Map<DialogId, Dialog> dialogs = new ConcurrentHashMap<>();

    public void add(Dialog dialog) {
        dialogs.put(dialog.id(), dialog);
    }

    public void remove(Dialog dialog) {
        dialog.terminate();
        dialogs.remove(dialog.id(), dialog);
    }

    /** The dialog a request inside a dialog belongs to, or null (§12.2.2: answer 481). */
    public Dialog match(SipRequest request) {
        String localTag = request.to().tag();
        if (localTag == null) {
            return null;
        }
        return dialogs.get(new DialogId(request.callId(), localTag, request.from().tag()));
    }

    public int size() {
        return dialogs.size();
    }
}
