package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Queue;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.sipee.sip.dialog.Dialog;
import org.sipee.sip.dialog.DialogState;
import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipMessage;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.ServerTransaction;
import org.sipee.sip.transaction.TransitionTable;

import static org.sipee.sip.ua.OfferState.IDLE;
import static org.sipee.sip.ua.OfferState.LOCAL_PENDING;
import static org.sipee.sip.ua.OfferState.REMOTE_PENDING;

/**
 * The session inside one dialog, on either side: the peer's re-INVITE (RFC 3261 §14.2), UPDATE (RFC 3311), INFO,
 * MESSAGE and OPTIONS; ours ({@link OutgoingModify}, {@link OutgoingRequest}); one offer at a time with 491 on
 * glare; the RFC 4028 session timer; REFERs and their NOTIFYs both ways ({@link DialogRefers}). Used on the event
 * loop.
 */
final class DialogSession {

    static final TransitionTable<OfferState> TRANSITIONS = TransitionTable.of("offer/answer", OfferState.class)
            .allow(IDLE, LOCAL_PENDING, REMOTE_PENDING)
            .allow(LOCAL_PENDING, IDLE)
            .allow(REMOTE_PENDING, IDLE)
            .build();

    private final SessionContext ctx;
    private final Dialog dialog;
    private final InetSocketAddress fallback;
    private final boolean callIdOwner;
    private final SessionOwner owner;
    private final SessionTimer timer;
    private final DialogRefers refers = new DialogRefers(this);
    private OfferState offerState = IDLE;
    private String localSdp;
    private String remoteSdp;
    private boolean peerAllowsUpdate;
    private IncomingModify incoming;
    private boolean ended;
    private final Queue<Runnable> waitingOffers = new ArrayDeque<>();

    DialogSession(SessionContext ctx, Dialog dialog, InetSocketAddress fallback, boolean callIdOwner, SessionOwner owner) {
        this.ctx = ctx;
        this.dialog = dialog;
        this.fallback = fallback;
        this.callIdOwner = callIdOwner;
        this.owner = owner;
        this.timer = new SessionTimer(ctx, this::refresh, () -> owner.endWithBye(CallEndReason.SESSION_EXPIRED));
    }

    SessionContext ctx() { return ctx; }
    Dialog dialog() { return dialog; }
    InetSocketAddress fallback() { return fallback; }
    boolean callIdOwner() { return callIdOwner; }
    SessionTimer timer() { return timer; }
    DialogRefers refers() { return refers; }
    SessionOwner owner() { return owner; }
    String localSdp() { return localSdp; }
    String remoteSdp() { return remoteSdp; }
    OfferState offerState() { return offerState; }

    /** The SDP of the initial (or latest) offer/answer exchange. */
    void exchanged(String local, String remote) {
        if (local != null) {
            localSdp = local;
        }
        if (remote != null) {
            remoteSdp = remote;
        }
    }

    /** Remembers whether the peer allows UPDATE (its Allow, §20.5): session refreshes then use UPDATE (RFC 4028 §7.4). */
    void peerCapabilities(SipMessage message) {
        if (message.hasHeader(HeaderNames.ALLOW)) {
            peerAllowsUpdate = Bodies.lists(message, HeaderNames.ALLOW, "UPDATE");
        }
    }

    boolean usable() {
        return !ended && dialog.state() != DialogState.TERMINATED;
    }

    /** A request of the peer in the dialog (not BYE, not PRACK), CSeq already checked. */
    void onRequest(SipRequest request, ServerTransaction tx) {
        switch (request.method()) {
            case "INVITE", "UPDATE" -> onOffer(request, tx);
            case "INFO", "MESSAGE" -> {
                tx.sendResponse(Responses.create(request, 200, "OK", null));
                DialogMessage message = new DialogMessage(request.method(), request.header(HeaderNames.CONTENT_TYPE),
                        request.body(), request);
                owner.deliverMessage(message);
            }
            case "OPTIONS" -> tx.sendResponse(Capabilities.optionsOk(request, null));
            case "REFER" -> refers.onRefer(request, tx);
            case "NOTIFY" -> refers.onNotify(request, tx);
            default -> tx.sendResponse(Responses.create(request, 481, "Call/Transaction Does Not Exist", null));
        }
    }

    private void onOffer(SipRequest request, ServerTransaction tx) {
        if (!usable()) {
            tx.sendResponse(Responses.create(request, 481, "Call/Transaction Does Not Exist", null));
            return;
        }
        long tooSmall = timer.tooSmall(request);
        if (tooSmall > 0) { // RFC 4028 §8.1
            SipResponse response = Responses.create(request, 422, "Session Interval Too Small", null);
            response.addHeader(SessionExpires.MIN_SE, Long.toString(tooSmall));
            tx.sendResponse(response);
            return;
        }
        String offer = Bodies.sdp(request);
        boolean invite = request.isMethod("INVITE");
        if (offerState == LOCAL_PENDING && (invite || offer != null)) { // §14.2, RFC 3311 §5.2: glare
            tx.sendResponse(Responses.create(request, 491, "Request Pending", null));
            return;
        }
        if (offerState == REMOTE_PENDING && (invite || offer != null)) { // §14.2: one re-INVITE at a time
            SipResponse response = Responses.create(request, 500, "Server Internal Error", null);
            response.addHeader("Retry-After", Integer.toString(ThreadLocalRandom.current().nextInt(11)));
            tx.sendResponse(response);
            return;
        }
        dialog.refreshTarget(request); // §12.2.2 / RFC 3311 §5.2: target refresh
        peerCapabilities(request);
        if (!invite && offer == null) { // an UPDATE without offer: target or session refresh only
            tx.sendResponse(ok(request, null));
            return;
        }
        offerState = TRANSITIONS.transition(offerState, REMOTE_PENDING);
        incoming = new IncomingModify(this, request, tx, offer, localSdp, remoteSdp);
        incoming.start();
        owner.deliverModify(incoming);
    }

    /** Our 2xx to the peer's re-INVITE or UPDATE: Contact, Allow, Supported, session timer (RFC 4028 §9), body. */
    SipResponse ok(SipRequest request, String sdp) {
        SipResponse ok = Responses.create(request, 200, "OK", null);
        ok.addHeader(HeaderNames.CONTACT, ctx.contact().headerValue(request));
        ok.addHeader(HeaderNames.ALLOW, Capabilities.ALLOW);
        timer.answer(request, ok);
        Bodies.set(ok, Bodies.SDP, sdp);
        return ok;
    }

    /** The application answered the peer's offer (or gave its offer for a late-offer re-INVITE). */
    void answered(IncomingModify modify, String sdp) {
        if (modify.offerSdp() != null) {
            exchanged(sdp, modify.offerSdp());
        } else {
            exchanged(sdp, null);
        }
        if (!modify.request().isMethod("INVITE")) {
            finished(modify);
        }
    }

    /** The exchange of the peer's request is over (ACK, rejection, timeout). */
    void finished(IncomingModify modify) {
        if (incoming == modify) {
            incoming = null;
            offerState = TRANSITIONS.transition(offerState, IDLE);
            nextOffer();
        }
    }

    /** The ACK for our 2xx to a re-INVITE (§13.3.1.4); a late offer's answer is in it. */
    void onAck(SipRequest ack) {
        if (incoming != null && incoming.awaitsAck(ack.cseq().number())) {
            String answer = Bodies.sdp(ack);
            exchanged(null, answer);
            incoming.acked(answer);
        }
    }

    /** Starts our re-INVITE or UPDATE (RFC 3261 §14.1, RFC 3311 §5.1). */
    CompletableFuture<ReinviteResult> offer(String method, String sdp) {
        CompletableFuture<ReinviteResult> result = new CompletableFuture<>();
        if (!usable()) {
            result.complete(new ReinviteResult(481, "Call/Transaction Does Not Exist", null));
        } else if (offerState != IDLE) { // one offer at a time (RFC 3264 §4): ours waits its turn
            waitingOffers.add(() -> offer(method, sdp).thenAccept(result::complete));
        } else {
            String body = sdp == null && method.equals("INVITE") ? localSdp : sdp;
            new OutgoingModify(this, method, body, result).send();
        }
        return result;
    }

    /** Marks our offer pending (true) or done (false). */
    void localOffer(boolean pending) {
        offerState = TRANSITIONS.transition(offerState, pending ? LOCAL_PENDING : IDLE);
        if (!pending) {
            nextOffer();
        }
    }

    private void nextOffer() {
        Runnable next = waitingOffers.poll();
        if (next != null) {
            ctx.execute(next); // after the current response is fully handled
        }
    }

    /** INFO, MESSAGE or OPTIONS of ours; completes with the final status. */
    CompletableFuture<Integer> request(String method, String contentType, String body) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        if (!usable()) {
            result.complete(481);
            return result;
        }
        SipRequest request = OutgoingModify.build(this, method);
        if (body != null) {
            request.setHeader(HeaderNames.CONTENT_TYPE, contentType);
            request.setBody(body.getBytes(StandardCharsets.UTF_8));
        }
        ctx.sender().send(dialog, request, fallback, OutgoingModify.statusOnly(result));
        return result;
    }

    /** RFC 4028 §7.4: UPDATE when the peer allows it, else re-INVITE with our SDP unchanged. */
    private void refresh() {
        if (offerState != IDLE) {
            return; // an exchange in progress refreshes the session when it succeeds
        }
        offer(peerAllowsUpdate ? "UPDATE" : "INVITE", null).thenAccept(result -> {
            if (result.status() == 408 || result.status() == 481) { // RFC 4028 §10
                owner.endWithBye(CallEndReason.SESSION_EXPIRED);
            }
        });
    }

    /** The call is over: timers stop, a pending exchange is abandoned. */
    void end() {
        ended = true;
        waitingOffers.forEach(Runnable::run); // each completes 481
        waitingOffers.clear();
        timer.stop();
        if (incoming != null) {
            incoming.abandon();
            incoming = null;
        }
    }
}
