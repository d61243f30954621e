package org.sipee.sip.dialog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.sipee.sip.message.SipRequest;

/**
 * Dialogs by id; in-dialog requests are matched on Call-ID, To tag (ours) and From tag (theirs) (§12.2.2). The ids
 * of the last {@value #ENDED_REMEMBERED} dialogs removed are remembered, to tell an ended dialog from an unknown one
 * (RFC 3891 §3).
 */
public final class DialogTable {

    static final int ENDED_REMEMBERED = 4096;

    private final Map<DialogId, Dialog> dialogs = new ConcurrentHashMap<>();
    private final Map<DialogId, Boolean> ended = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DialogId, Boolean> eldest) {
            return size() > ENDED_REMEMBERED;
        }
    });

    public void add(Dialog dialog) {
        dialogs.put(dialog.id(), dialog);
    }

    public void remove(Dialog dialog) {
        dialog.terminate();
        if (dialogs.remove(dialog.id(), dialog)) {
            ended.put(dialog.id(), Boolean.TRUE);
        }
    }

    /** The dialog a request inside a dialog belongs to, or null (§12.2.2: answer 481). */
    public Dialog match(SipRequest request) {
        String localTag = request.to().tag();
        if (localTag == null) {
            return null;
        }
        return find(new DialogId(request.callId(), localTag, request.from().tag()));
    }

    /** The live dialog with this id, or null. */
    public Dialog find(DialogId id) {
        return dialogs.get(id);
    }

    /** Whether a dialog with this id was removed not long ago (among the last {@value #ENDED_REMEMBERED}). */
    public boolean recentlyEnded(DialogId id) {
        return ended.containsKey(id);
    }

    public int size() {
        return dialogs.size();
    }
}
