package org.sipee.sip.ua;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sipee.sip.dialog.Dialog;
import org.sipee.sip.dialog.DialogListener;
import org.sipee.sip.dialog.DialogState;
import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.InviteServerTransaction;
import org.sipee.sip.transaction.TransactionKey;
import org.sipee.sip.transaction.TransitionTable;

import static org.sipee.sip.ua.CallState.ACCEPTED;
import static org.sipee.sip.ua.CallState.CONFIRMED;
import static org.sipee.sip.ua.CallState.ENDED;
import static org.sipee.sip.ua.CallState.OFFERED;

/** An inbound call: the INVITE server transaction, the dialog it creates and the call state (§13.3.1). */
final class ServerCall implements InboundCall, DialogListener {

    private static final System.Logger LOG = System.getLogger(ServerCall.class.getName());

    static final TransitionTable<CallState> TRANSITIONS = TransitionTable.of("inbound call", CallState.class)
            .allow(OFFERED, ACCEPTED, ENDED) // 2xx sent (§13.3.1.4); rejected, CANCEL (§9.2), shutdown
            .allow(ACCEPTED, CONFIRMED, ENDED) // ACK; no ACK within 64*T1, BYE, shutdown
            .allow(CONFIRMED, ENDED)           // BYE (§15.1.2), shutdown
            .build();

    private final UasContext ctx;
    private final SipRequest invite;
    private final InetSocketAddress source;
    private final InviteServerTransaction transaction;
    private final String localTag;
    private CallState state = OFFERED;
    private Dialog dialog;
    private OkRetransmitter okRetransmitter;
    private boolean byeAfterAck;

    ServerCall(UasContext ctx, SipRequest invite, InetSocketAddress source, InviteServerTransaction transaction, String localTag) {
        this.ctx = ctx;
        this.invite = invite;
        this.source = source;
        this.transaction = transaction;
        this.localTag = localTag;
    }

    @Override public String callId() { return invite.callId(); }
    @Override public SipRequest invite() { return invite; }
    @Override public String requestUri() { return invite.requestUri(); }
    @Override public String from() { return invite.header(HeaderNames.FROM); }
    @Override public String to() { return invite.header(HeaderNames.TO); }
    @Override public InetSocketAddress remoteAddress() { return source; }

    @Override
    public String remoteSdp() {
        String type = invite.header(HeaderNames.CONTENT_TYPE);
        boolean sdp = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/sdp");
        return sdp && invite.body().length > 0 ? new String(invite.body(), StandardCharsets.UTF_8) : null;
    }

    @Override
    public void sendProvisional(int status, String reason, String sdp) {
        if (status < 101 || status > 199) {
            throw new IllegalArgumentException("provisional status must be 101..199, was " + status);
        }
        ctx.execute(() -> provisional(status, reason, sdp));
    }

    @Override
    public void accept(String sdp) {
        ctx.execute(() -> acceptNow(sdp));
    }

    @Override
    public void reject(int status, String reason, Map<String, String> extraHeaders) {
        if (status < 300 || status > 699) {
            throw new IllegalArgumentException("reject status must be 300..699, was " + status);
        }
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        ctx.execute(() -> rejectNow(status, reason, headers));
    }

    @Override
    public void hangUp() {
        ctx.execute(this::hangUpNow);
    }

    String localTag() { return localTag; }
    TransactionKey inviteKey() { return transaction.key(); }
    boolean isOffered() { return state == OFFERED; }

    private void provisional(int status, String reason, String sdp) {
        if (state != OFFERED) {
            ignored("sendProvisional(" + status + ")");
            return;
        }
        SipResponse response = dialogResponse(status, reason, sdp);
        if (dialog == null) {
            dialog = Dialog.createUas(invite, localTag, DialogState.EARLY); // §12.1.1: early dialog on tagged 1xx
            dialog.listener(this);
            ctx.dialogs().add(dialog);
        }
        transaction.sendResponse(response);
    }

    private void acceptNow(String sdp) {
        if (state != OFFERED) {
            ignored("accept");
            return;
        }
        SipResponse ok = dialogResponse(200, "OK", sdp);
        if (dialog == null) {
            dialog = Dialog.createUas(invite, localTag, DialogState.CONFIRMED);
            dialog.listener(this);
            ctx.dialogs().add(dialog);
        } else {
            dialog.confirm();
        }
        state = TRANSITIONS.transition(state, ACCEPTED);
        transaction.sendResponse(ok);
        okRetransmitter = new OkRetransmitter(ctx.scheduler(), ctx.timers(),
                () -> transaction.sendResponse(ok), this::onNoAck);
        okRetransmitter.start();
    }

    /** reject(...) ends the call once the final response is sent. */
    void rejectNow(int status, String reason, Map<String, String> headers) {
        if (state != OFFERED) {
            ignored("reject(" + status + ")");
            return;
        }
        SipResponse response = Responses.create(invite, status, reason, localTag);
        headers.forEach(response::addHeader);
        transaction.sendResponse(response);
        end(CallEndReason.REJECTED);
    }

    /** §9.2: the INVITE is answered 487 before the call ends as CANCELLED. */
    void onCancel() {
        if (state == OFFERED) {
            transaction.sendResponse(Responses.create(invite, 487, "Request Terminated", localTag));
            end(CallEndReason.CANCELLED);
        }
    }

    /** The ACK for our 2xx (§13.3.1.4); retransmitted ACKs are ignored. */
    void onAck() {
        if (state == ACCEPTED) {
            state = TRANSITIONS.transition(state, CONFIRMED);
            okRetransmitter.stop();
            ctx.notifyListener("onAck", () -> ctx.listener().onAck(this));
            if (byeAfterAck) {
                sendBye();
                end(CallEndReason.LOCAL_BYE);
            }
        }
    }

    /** §13.3.1.4: no ACK within 64*T1 — the dialog is ended with BYE (§15), reported as NO_ACK. */
    private void onNoAck() {
        sendBye();
        end(CallEndReason.NO_ACK);
    }

    /** The caller's BYE, answered 200 by the UAS core (§15.1.2). */
    @Override
    public void onByeReceived(Dialog byeDialog) {
        end(CallEndReason.REMOTE_BYE);
    }

    private void hangUpNow() {
        if (state == CONFIRMED) {
            sendBye();
            end(CallEndReason.LOCAL_BYE);
        } else if (state == ACCEPTED) {
            byeAfterAck = true; // §15: the callee must not send BYE before the ACK for its 2xx
        } else {
            ignored("hangUp");
        }
    }

    /** §15.1.1: BYE in our dialog, to the caller's Contact, or where the INVITE came from. */
    private void sendBye() {
        if (ctx.sender() == null) {
            LOG.log(Level.WARNING, "no client transactions: call {0} ends without BYE", callId());
            return;
        }
        ctx.sender().sendBye(dialog, source);
    }

    /** Ends the call once: stops retransmissions, forgets the dialog and the call, tells the listener. */
    void end(CallEndReason reason) {
        if (state == ENDED) {
            return;
        }
        state = TRANSITIONS.transition(state, ENDED);
        if (okRetransmitter != null) {
            okRetransmitter.stop();
        }
        if (dialog != null) {
            ctx.dialogs().remove(dialog);
        }
        ctx.calls().remove(this);
        ctx.notifyListener("onCallEnded", () -> ctx.listener().onCallEnded(this, reason));
    }

    /** A response that establishes the dialog: To tag, Contact, Record-Route (§12.1.1), optional SDP. */
    private SipResponse dialogResponse(int status, String reason, String sdp) {
        SipResponse response = Responses.create(invite, status, reason, localTag);
        Responses.copyRecordRoute(invite, response);
        response.addHeader(HeaderNames.CONTACT, ctx.contact().headerValue(invite));
        if (sdp != null) {
            response.addHeader(HeaderNames.CONTENT_TYPE, "application/sdp");
            response.setBody(sdp.getBytes(StandardCharsets.UTF_8));
        }
        return response;
    }

    private void ignored(String operation) {
        LOG.log(Level.INFO, "{0} ignored: call {1} is {2}", operation, callId(), state);
    }

    @Override
    public String toString() {
        return "InboundCall[" + callId() + ", " + state + "]";
    }
}
