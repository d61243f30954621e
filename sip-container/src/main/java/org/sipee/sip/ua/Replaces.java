package org.sipee.sip.ua;

import java.util.List;
import java.util.Locale;

import org.sipee.sip.dialog.Dialog;
import org.sipee.sip.dialog.DialogId;
import org.sipee.sip.dialog.DialogState;
import org.sipee.sip.dialog.DialogTable;
import org.sipee.sip.message.SipRequest;

/**
 * The Replaces header (RFC 3891 §6.1): {@code callid;to-tag=X;from-tag=Y[;early-only]}, naming a dialog at the UA
 * that receives it, as if its tags were those of a request received in that dialog (§3): the to-tag is the
 * recipient's local tag, the from-tag the remote one.
 */
record Replaces(String callId, String toTag, String fromTag, boolean earlyOnly) {

    static final String HEADER = "Replaces";

    /** @throws IllegalArgumentException when it lacks the Call-ID, the to-tag or the from-tag, or has one twice */
    static Replaces parse(String value) {
        String[] parts = value.split(";", -1);
        String callId = parts[0].trim();
        String toTag = null;
        String fromTag = null;
        boolean earlyOnly = false;
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String paramValue = eq < 0 ? null : param.substring(eq + 1).trim();
            switch (name) {
                case "to-tag" -> toTag = once(toTag, paramValue, name);
                case "from-tag" -> fromTag = once(fromTag, paramValue, name);
                case "early-only" -> earlyOnly = true;
                default -> { } // generic-param
            }
        }
        boolean badCallId = callId.isEmpty() || callId.indexOf(',') >= 0 || callId.indexOf(' ') >= 0;
        if (badCallId || toTag == null || fromTag == null) {
            throw new IllegalArgumentException("malformed Replaces: '" + value + "'");
        }
        return new Replaces(callId, toTag, fromTag, earlyOnly);
    }

    private static String once(String previous, String value, String name) {
        if (previous != null || value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Replaces needs exactly one " + name);
        }
        return value;
    }

    /** The value naming {@code dialog} to its peer (§6.1): to-tag the peer's tag, from-tag ours. */
    static String naming(DialogId dialog) {
        return dialog.callId() + ";to-tag=" + dialog.remoteTag() + ";from-tag=" + dialog.localTag();
    }

    /** The dialog this value names at its recipient (§3). */
    DialogId dialogId() {
        return new DialogId(callId, toTag, fromTag);
    }

    /**
     * §3: the status that refuses an INVITE outside a dialog for its Replaces, or 0 when it has none or it names a
     * dialog it may replace: 400 for more than one or a malformed one, 481 when it names no dialog of ours or an
     * early one we initiated, 603 for a dialog that has ended, 486 for a confirmed one when it says early-only.
     */
    static int refusal(SipRequest invite, DialogTable dialogs) {
        List<String> values = invite.headerValues(HEADER);
        if (values.isEmpty()) {
            return 0;
        }
        Replaces replaces;
        try {
            replaces = values.size() == 1 ? parse(values.get(0)) : null;
        } catch (IllegalArgumentException e) {
            replaces = null;
        }
        if (replaces == null) {
            return 400;
        }
        Dialog dialog = dialogs.find(replaces.dialogId());
        if (dialog == null || dialog.state() == DialogState.TERMINATED) {
            return dialog != null || dialogs.recentlyEnded(replaces.dialogId()) ? 603 : 481;
        }
        if (dialog.state() == DialogState.EARLY && dialog.isUac()) {
            return 481;
        }
        return replaces.earlyOnly() && dialog.state() == DialogState.CONFIRMED ? 486 : 0;
    }

    /** The Call-ID the Replaces of an INVITE let through by {@link #refusal} names, or null without one. */
    static String replacedCallId(SipRequest invite) {
        String value = invite.header(HEADER);
        return value == null ? null : parse(value).callId();
    }
}
