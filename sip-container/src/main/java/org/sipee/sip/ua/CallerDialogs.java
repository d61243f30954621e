package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sipee.sip.dialog.Dialog;
import org.sipee.sip.dialog.DialogState;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transport.SentMessage;

/**
 * The dialogs one INVITE of ours creates, by the callee's To tag: several early dialogs when the request forks
 * (§12.1.2, §13.2.2.4), each confirmed by its own 2xx and ACKed by us; the ACK of each is kept to be resent for
 * every retransmission of its 2xx. Used on the event loop.
 */
final class CallerDialogs {

    private final UacContext ctx;
    private final SipRequest invite;
    private final InetSocketAddress fallback;
    private final Map<String, Dialog> byTag = new LinkedHashMap<>();
    private final Map<String, SentMessage> acks = new HashMap<>();

    CallerDialogs(UacContext ctx, SipRequest invite, InetSocketAddress fallback) {
        this.ctx = ctx;
        this.invite = invite;
        this.fallback = fallback;
    }

    /** §13.2.2.1: a 1xx with a To tag creates an early dialog, one per tag. */
    void onProvisional(SipResponse provisional) {
        String tag = provisional.to().tag();
        if (tag != null && !byTag.containsKey(tag)) {
            add(tag, Dialog.createUac(invite, provisional, DialogState.EARLY));
        }
    }

    /**
     * §13.2.2.4: a 2xx confirms the dialog of its To tag (creating it if no 1xx did) and is ACKed. Returns that
     * dialog for the first 2xx of the tag; null for a retransmission, whose ACK is just sent again, or for a 2xx
     * without To tag (not a valid dialog, §12.1.1).
     */
    Dialog confirm(SipResponse ok) {
        String tag = ok.to().tag();
        if (tag == null) {
            return null;
        }
        SentMessage ack = acks.get(tag);
        if (ack != null) {
            ack.resend();
            return null;
        }
        Dialog dialog = byTag.get(tag);
        if (dialog == null || dialog.state() == DialogState.TERMINATED) {
            dialog = Dialog.createUac(invite, ok, DialogState.CONFIRMED);
            add(tag, dialog);
        } else {
            dialog.confirm(ok);
        }
        acks.put(tag, ctx.sender().sendAck(dialog, invite.cseq().number(), fallback));
        return dialog;
    }

    /** The dialogs still early, in the order their first 1xx arrived. */
    List<Dialog> early() {
        return byTag.values().stream().filter(d -> d.state() == DialogState.EARLY).toList();
    }

    /** Terminates the dialog and forgets it in the table; its ACK is kept for 2xx retransmissions. */
    void end(Dialog dialog) {
        ctx.setup().dialogs().remove(dialog);
    }

    /** §13.2.2.4: early dialogs that got no 2xx end with the INVITE transaction (or a non-2xx final). */
    void endEarly() {
        early().forEach(this::end);
    }

    void endAll() {
        List.copyOf(byTag.values()).forEach(this::end);
    }

    private void add(String tag, Dialog dialog) {
        byTag.put(tag, dialog);
        ctx.setup().dialogs().add(dialog);
    }
}
