package org.sipee.sip.ua;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.sipee.sip.dialog.Dialog;
import org.sipee.sip.dialog.DialogListener;
import org.sipee.sip.dialog.DialogState;
import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipHeader;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.InviteServerTransaction;
import org.sipee.sip.transaction.ServerTransaction;
import org.sipee.sip.transaction.TransactionKey;
import org.sipee.sip.transaction.TransitionTable;

import static org.sipee.sip.ua.CallState.ACCEPTED;
import static org.sipee.sip.ua.CallState.CONFIRMED;
import static org.sipee.sip.ua.CallState.ENDED;
import static org.sipee.sip.ua.CallState.OFFERED;

/** An inbound call: the INVITE server transaction, the dialog it creates and the call state (§13.3.1). */
final class ServerCall extends SessionCall implements InboundCall, DialogListener {

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
    private volatile DialogSession session;
    private final ReliableProvisionals reliable;
    private volatile String ackSdp;

    ServerCall(UasContext ctx, SipRequest invite, InetSocketAddress source, InviteServerTransaction transaction, String localTag) {
        super(ctx.sessions());
        this.ctx = ctx;
        this.invite = invite;
        this.source = source;
        this.transaction = transaction;
        this.localTag = localTag;
        this.reliable = new ReliableProvisionals(ctx.sessions(), invite, transaction,
                () -> rejectNow(500, "Server Internal Error (no PRACK)", List.of())); // RFC 3262 §3: 5xx
    }

    @Override public String callId() { return invite.callId(); }
    @Override public SipRequest invite() { return invite; }
    @Override public String requestUri() { return invite.requestUri(); }
    @Override public String from() { return invite.header(HeaderNames.FROM); }
    @Override public String to() { return invite.header(HeaderNames.TO); }
    @Override public InetSocketAddress remoteAddress() { return source; }
    @Override public String replacedCallId() { return Replaces.replacedCallId(invite); }

    @Override public String remoteSdp() { return Bodies.sdp(invite); }
    @Override public String ackSdp() { return ackSdp; }
    @Override DialogSession session() { return session; }

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
        reject(status, reason, extraHeaders.entrySet().stream().map(e -> SipHeader.of(e.getKey(), e.getValue())).toList());
    }

    @Override
    public void reject(int status, String reason, List<SipHeader> headerLines) {
        if (status < 300 || status > 699) {
            throw new IllegalArgumentException("reject status must be 300..699, was " + status);
        }
        List<SipHeader> headers = List.copyOf(headerLines);
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
            createDialog(DialogState.EARLY); // §12.1.1: early dialog on tagged 1xx
        }
        session.exchanged(sdp, sdp == null ? null : remoteSdp()); // early media: an answer in the 1xx
        reliable.send(response); // RFC 3262 §3: reliably when the caller supports it
    }

    private void createDialog(DialogState initial) {
        dialog = Dialog.createUas(invite, localTag, initial);
        dialog.listener(this);
        ctx.dialogs().add(dialog);
        session = new DialogSession(ctx.sessions(), dialog, source, false, this);
        session.peerCapabilities(invite);
    }

    private void acceptNow(String sdp) {
        if (state != OFFERED) {
            ignored("accept");
        } else if (!reliable.runWhenSdpAcknowledged(() -> sendOk(sdp))) {
            ignored("accept: a 200 already waits for the PRACK");
        }
    }

    /** The 200, once no reliable 1xx with SDP is unacknowledged (RFC 3262 §3); a CANCEL may have come first. */
    private void sendOk(String sdp) {
        if (state != OFFERED) {
            return;
        }
        SipResponse ok = dialogResponse(200, "OK", sdp);
        if (dialog == null) {
            createDialog(DialogState.CONFIRMED);
        } else {
            dialog.confirm();
        }
        reliable.stop();
        session.exchanged(sdp, remoteSdp());
        session.timer().answer(invite, ok); // RFC 4028 §9
        state = TRANSITIONS.transition(state, ACCEPTED);
        transaction.sendResponse(ok);
        okRetransmitter = new OkRetransmitter(ctx.scheduler(), ctx.timers(),
                () -> transaction.sendResponse(ok), this::onNoAck);
        okRetransmitter.start();
    }

    /** reject(...) ends the call once the final response is sent. */
    void rejectNow(int status, String reason, List<SipHeader> headers) {
        if (state != OFFERED) {
            ignored("reject(" + status + ")");
            return;
        }
        SipResponse response = Responses.create(invite, status, reason, localTag);
        headers.forEach(line -> response.addHeader(line.name(), line.value()));
        reliable.stop();
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

    /** The caller's BYE, answered 200 by the UAS core (§15.1.2); in an early dialog the INVITE gets 487 (§15.1.2). */
    @Override
    public void onByeReceived(Dialog byeDialog) {
        if (state == OFFERED) {
            reliable.stop();
            transaction.sendResponse(Responses.create(invite, 487, "Request Terminated", localTag));
        }
        end(CallEndReason.REMOTE_BYE);
    }

    /** The caller's PRACK (RFC 3262 §3), re-INVITE, UPDATE, INFO, MESSAGE or OPTIONS in our dialog. */
    @Override
    public void onRequest(Dialog requestDialog, SipRequest request, ServerTransaction tx) {
        if (request.isMethod("PRACK")) {
            reliable.onPrack(request, tx);
        } else if (request.isMethod("INVITE") && state != CONFIRMED) { // §14.2: not before the ACK
            tx.sendResponse(Responses.create(request, 491, "Request Pending", null));
        } else {
            session.onRequest(request, tx);
        }
    }

    /** The ACK for our 2xx to the INVITE, or for a 2xx to a re-INVITE (§13.3.1.4). */
    @Override
    public void onAck(Dialog ackDialog, SipRequest ack) {
        if (ack.cseq().number() == invite.cseq().number()) {
            if (state == ACCEPTED && remoteSdp() == null) { // late offer: the answer is in the ACK (§13.2.1)
                ackSdp = Bodies.sdp(ack);
                session.exchanged(null, ackSdp);
            }
            onAck();
        } else if (session != null) {
            session.onAck(ack);
        }
    }

    @Override
    public void deliverModify(ModifyRequest request) {
        ctx.notifyListener("onModify", () -> ctx.listener().onModify(this, request));
    }

    @Override
    public void deliverMessage(DialogMessage message) {
        ctx.notifyListener("onMessage", () -> ctx.listener().onMessage(this, message));
    }

    @Override
    public void deliverRefer(IncomingRefer refer) {
        ctx.notifyListener("onRefer", () -> ctx.listener().onRefer(this, refer));
    }

    @Override
    public void endWithBye(CallEndReason reason) {
        if (state == ACCEPTED || state == CONFIRMED) {
            sendBye();
            end(reason);
        }
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
        reliable.stop();
        if (session != null) {
            session.end();
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
        response.addHeader(HeaderNames.ALLOW, Capabilities.ALLOW);
        response.addHeader(HeaderNames.SUPPORTED, Capabilities.SUPPORTED);
        Bodies.set(response, Bodies.SDP, sdp);
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
