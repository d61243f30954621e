package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.sipee.sip.dialog.Dialog;
import org.sipee.sip.dialog.DialogRequests;
import org.sipee.sip.dialog.DialogState;
import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.Responses;
import org.sipee.sip.transaction.ServerTransaction;
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
    private final ClientCall owner;
    private SipRequest invite;
    private final InetSocketAddress fallback;
    /** Read from other threads too ({@link SessionCall#session()}); changed only on the loop. */
    private final Map<String, Dialog> byTag = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, DialogSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, SentMessage> acks = new HashMap<>();
    private final Map<String, Long> lastRSeq = new HashMap<>();

    CallerDialogs(UacContext ctx, ClientCall owner, SipRequest invite, InetSocketAddress fallback) {
        this.ctx = ctx;
        this.owner = owner;
        this.invite = invite;
        this.fallback = fallback;
    }

    /** The INVITE was sent again with a new CSeq (after 422, 401, 407); dialogs come from its responses. */
    void retried(SipRequest newInvite) {
        invite = newInvite;
    }

    /**
     * §13.2.2.1: a 1xx with a To tag creates an early dialog, one per tag. RFC 3262 §4: a reliable one (Require:
     * 100rel, RSeq) is PRACKed; returns false for a retransmission of one already PRACKed, which is ignored.
     */
    boolean onProvisional(SipResponse provisional) {
        String tag = provisional.to().tag();
        if (tag != null && !byTag.containsKey(tag)) {
            add(tag, Dialog.createUac(invite, provisional, DialogState.EARLY));
        }
        String rseqText = provisional.header("RSeq");
        Dialog dialog = tag == null ? null : byTag.get(tag);
        if (dialog != null && Bodies.sdp(provisional) != null) {
            session(dialog).exchanged(null, Bodies.sdp(provisional)); // early media answer
        }
        if (dialog == null || rseqText == null || !Bodies.lists(provisional, HeaderNames.REQUIRE, "100rel")
                || dialog.state() != DialogState.EARLY) {
            return true;
        }
        long rseq;
        try {
            rseq = Long.parseLong(rseqText.trim());
        } catch (NumberFormatException e) {
            return true;
        }
        Long last = lastRSeq.get(tag);
        if (last != null && rseq <= last) {
            return false;
        }
        lastRSeq.put(tag, rseq);
        SipRequest prack = DialogRequests.create(dialog, "PRACK");
        prack.addHeader("RAck", rseq + " " + invite.cseq().number() + " INVITE");
        ctx.sender().send(dialog, prack, fallback, OutgoingModify.statusOnly(new CompletableFuture<>()));
        return true;
    }

    /** A request of the callee in one of the dialogs: to its session (PRACK is for the callee only: 481). */
    void onRequest(Dialog dialog, SipRequest request, ServerTransaction tx) {
        DialogSession session = session(dialog);
        if (session == null || request.isMethod("PRACK")) {
            tx.sendResponse(Responses.create(request, 481, "Call/Transaction Does Not Exist", null));
        } else {
            session.onRequest(request, tx);
        }
    }

    void onAck(Dialog dialog, SipRequest ack) {
        DialogSession session = session(dialog);
        if (session != null) {
            session.onAck(ack);
        }
    }

    /** The session of a dialog of this call. */
    DialogSession session(Dialog dialog) {
        return sessions.get(dialog.id().remoteTag());
    }

    /** The first early dialog's session (for UPDATE and INFO before the answer), or null. */
    DialogSession firstEarly() {
        List<Dialog> early = early();
        return early.isEmpty() ? null : session(early.get(0));
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
        acks.put(tag, ctx.sender().sendAck(dialog, invite, fallback));
        return dialog;
    }

    /** The dialogs still early, in the order their first 1xx arrived. */
    List<Dialog> early() {
        synchronized (byTag) {
            return byTag.values().stream().filter(d -> d.state() == DialogState.EARLY).toList();
        }
    }

    /** Terminates the dialog and forgets it in the table; its ACK is kept for 2xx retransmissions. */
    void end(Dialog dialog) {
        ctx.setup().dialogs().remove(dialog);
        DialogSession session = session(dialog);
        if (session != null) {
            session.end();
        }
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
        dialog.listener(owner);
        DialogSession session = new DialogSession(ctx.sessions(), dialog, fallback, true, owner); // we made the Call-ID
        session.exchanged(Bodies.sdp(invite), null);
        sessions.put(tag, session);
        ctx.setup().dialogs().add(dialog);
    }
}
