package org.sipee.sip.ua;

import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.ServerTransaction;
import org.sipee.sip.transaction.TimerScheduler;

/**
 * The peer's re-INVITE or UPDATE until answered: the application's answer goes out in the server transaction, a
 * 2xx to a re-INVITE is retransmitted until its ACK (§13.3.1.4); no answer within the deadline gives 500 with
 * Retry-After (§14.2 uses the same answer for a re-INVITE that cannot be handled now).
 */
final class IncomingModify implements ModifyRequest {

    private static final System.Logger LOG = System.getLogger(IncomingModify.class.getName());

    private final DialogSession session;
    private final SipRequest request;
    private final ServerTransaction tx;
    private final String offer;
    private final String previousLocal;
    private final String previousRemote;
    private final long cseq;
    private final CompletableFuture<String> done = new CompletableFuture<>();
    private boolean answered;
    private boolean awaitingAck;
    private TimerScheduler.Timer deadline;
    private OkRetransmitter okRetransmitter;

    IncomingModify(DialogSession session, SipRequest request, ServerTransaction tx, String offer,
                   String previousLocal, String previousRemote) {
        this.session = session;
        this.request = request;
        this.tx = tx;
        this.offer = offer;
        this.previousLocal = previousLocal;
        this.previousRemote = previousRemote;
        this.cseq = request.cseq().number();
    }

    @Override public String method() { return request.method(); }
    @Override public String offerSdp() { return offer; }
    @Override public SipRequest request() { return request; }
    @Override public String currentLocalSdp() { return previousLocal; }

    @Override
    public boolean isRefresh() {
        return offer == null || Bodies.sameVersion(offer, previousRemote);
    }

    /** The application has 64*T1 for a re-INVITE, 32*T1 for an UPDATE (the peer's Timer F is 64*T1). */
    void start() {
        long t1 = session.ctx().timers().t1();
        deadline = session.ctx().scheduler().schedule(this::onDeadline, (method().equals("INVITE") ? 64 : 32) * t1);
    }

    @Override
    public CompletionStage<String> accept(String sdp) {
        session.ctx().execute(() -> acceptNow(sdp));
        return done;
    }

    @Override
    public void reject(int status, String reason) {
        if (status < 300 || status > 699) {
            throw new IllegalArgumentException("reject status must be 300..699, was " + status);
        }
        session.ctx().execute(() -> rejectNow(status, reason, null));
    }

    private void acceptNow(String sdp) {
        if (answered) {
            LOG.log(Level.INFO, "{0} in {1} already answered; accept ignored", method(), session.dialog().id());
            return;
        }
        answered = true;
        cancelDeadline();
        SipResponse ok = session.ok(request, sdp);
        tx.sendResponse(ok);
        session.answered(this, sdp);
        if (request.isMethod("INVITE")) {
            awaitingAck = true;
            okRetransmitter = new OkRetransmitter(session.ctx().scheduler(), session.ctx().timers(),
                    () -> tx.sendResponse(ok), this::onNoAck);
            okRetransmitter.start();
        } else {
            done.complete(null);
        }
    }

    private void rejectNow(int status, String reason, String retryAfter) {
        if (answered) {
            LOG.log(Level.INFO, "{0} in {1} already answered; reject ignored", method(), session.dialog().id());
            return;
        }
        answered = true;
        cancelDeadline();
        SipResponse response = Responses.create(request, status, reason, null);
        if (retryAfter != null) {
            response.addHeader("Retry-After", retryAfter);
        }
        tx.sendResponse(response);
        session.finished(this);
        done.completeExceptionally(new IllegalStateException(method() + " rejected with " + status));
    }

    private void onDeadline() {
        LOG.log(Level.INFO, "{0} in {1} not answered in time: 500", method(), session.dialog().id());
        rejectNow(500, "Server Internal Error", "5");
    }

    boolean awaitsAck(long ackCSeq) {
        return awaitingAck && ackCSeq == cseq;
    }

    void acked(String answer) {
        awaitingAck = false;
        okRetransmitter.stop();
        session.finished(this);
        done.complete(answer);
    }

    /** §14.2 with §13.3.1.4: a 2xx to a re-INVITE never ACKed ends the dialog with BYE. */
    private void onNoAck() {
        awaitingAck = false;
        session.finished(this);
        done.completeExceptionally(new IllegalStateException("no ACK for the 2xx to the re-INVITE"));
        session.owner().endWithBye(CallEndReason.NO_ACK);
    }

    void abandon() {
        cancelDeadline();
        if (okRetransmitter != null) {
            okRetransmitter.stop();
        }
        done.completeExceptionally(new IllegalStateException("call ended"));
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel();
        }
    }
}
