package org.sipee.sip.ua;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

import org.sipee.sip.auth.UacCredentials;
import org.sipee.sip.dialog.Dialog;
import org.sipee.sip.dialog.DialogListener;
import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.ClientTransactionListener;
import org.sipee.sip.transaction.InviteClientTransaction;
import org.sipee.sip.transaction.ServerTransaction;
import org.sipee.sip.transaction.TimerScheduler;
import org.sipee.sip.transaction.TransactionFailure;
import org.sipee.sip.transaction.TransitionTable;

import static org.sipee.sip.ua.OutboundCallState.ANSWERED;
import static org.sipee.sip.ua.OutboundCallState.CALLING;
import static org.sipee.sip.ua.OutboundCallState.CANCELLING;
import static org.sipee.sip.ua.OutboundCallState.ENDED;
import static org.sipee.sip.ua.OutboundCallState.PROCEEDING;

/** An outbound call: our INVITE's client transaction, the dialogs it creates and the call state (§13.2). */
final class ClientCall extends SessionCall implements OutboundCall, ClientTransactionListener, DialogListener {

    private static final System.Logger LOG = System.getLogger(ClientCall.class.getName());

    static final TransitionTable<OutboundCallState> TRANSITIONS = TransitionTable.of("outbound call", OutboundCallState.class)
            .allow(CALLING, PROCEEDING, CANCELLING, ANSWERED, ENDED) // 1xx; cancel(); 2xx; non-2xx, Timer B, shutdown
            .allow(PROCEEDING, CALLING, CANCELLING, ANSWERED, ENDED) // INVITE resent; cancel()/hangUp(); 2xx; non-2xx
            .allow(CANCELLING, ENDED)                               // final response (or a crossing 2xx), §9.1 guard
            .allow(ANSWERED, ENDED)                                 // BYE either way (§15), shutdown
            .build();

    private final UacContext ctx;
    private final OutboundCallListener listener;
    private SipRequest invite;
    private final InetSocketAddress destination;
    private final CallerDialogs dialogs;
    private OutboundCallState state = CALLING;
    private InviteClientTransaction transaction;
    private volatile Dialog answered;
    private boolean cancelPending;
    private TimerScheduler.Timer inviteCompletion;
    private TimerScheduler.Timer cancelGuard;
    private final InviteRetries retries;
    private volatile SipResponse finalResponse;

    /** @param credentials answer 401/407 to the INVITE with these (§22.2); null: such a response fails the call */
    ClientCall(UacContext ctx, SipRequest invite, InetSocketAddress destination, UacCredentials credentials,
               OutboundCallListener listener) {
        super(ctx.sessions());
        this.retries = new InviteRetries(credentials);
        this.ctx = ctx;
        this.invite = invite;
        this.destination = destination;
        this.listener = listener;
        this.dialogs = new CallerDialogs(ctx, this, invite, destination);
    }

    @Override
    DialogSession session() {
        return answered != null ? dialogs.session(answered) : dialogs.firstEarly();
    }

    @Override public String callId() { return invite.callId(); }
    @Override public String localTag() { return invite.from().tag(); }
    @Override public String requestUri() { return invite.requestUri(); }
    @Override public String from() { return invite.header(HeaderNames.FROM); }
    @Override public String to() { return invite.header(HeaderNames.TO); }
    @Override public SipResponse finalResponse() { return finalResponse; }

    @Override
    public void cancel() {
        ctx.execute(this::cancelNow);
    }

    @Override
    public void hangUp() {
        ctx.execute(this::hangUpNow);
    }

    /** On the event loop: registers the call and sends the INVITE in its client transaction (§17.1.1). */
    void start() {
        ctx.calls().add(this);
        transaction = ctx.setup().transactions().sendInvite(invite, destination, this);
    }

    @Override
    public void onResponse(SipResponse response) {
        if (response.isProvisional()) {
            onProvisional(response);
        } else if (response.isSuccess()) {
            on2xx(response);
        } else if ((state == CALLING || state == PROCEEDING) && resent(response)) {
            return; // a new INVITE transaction; the old one ACKed the response (§17.1.1.3)
        } else if (state != ENDED) { // 300-699, already ACKed by the transaction (§17.1.1.3)
            finalResponse = response;
            dialogs.endAll();
            fail(response.status(), response.reason());
        }
    }

    /** The INVITE again in a new transaction, when {@link InviteRetries} has one for this response. */
    private boolean resent(SipResponse response) {
        SipRequest again = retries.next(invite, response);
        if (again == null) {
            return false;
        }
        invite = again;
        dialogs.endAll();
        dialogs.retried(invite);
        if (state == PROCEEDING) {
            moveTo(CALLING); // §9.1: no CANCEL before a provisional response to the new INVITE
        }
        transaction = ctx.setup().transactions().sendInvite(invite, destination, this);
        return true;
    }

    @Override
    public void onFailure(TransactionFailure failure) {
        if (state != ENDED && state != ANSWERED) { // §8.1.3.1: Timer B as 408, transport error as 503
            dialogs.endAll();
            fail(failure.status(), failure.reason());
        }
    }

    /** The callee's BYE in the confirmed dialog, answered 200 by the UAS core (§15.1.2). */
    @Override
    public void onByeReceived(Dialog dialog) {
        if (state == ANSWERED && dialog == answered) {
            dialogs.end(dialog);
            end(CallEndReason.REMOTE_BYE);
        } else if (dialog != answered) {
            dialogs.end(dialog); // §15: an early dialog ends; the INVITE still gets its final response
        }
    }

    /** The callee's re-INVITE, UPDATE, INFO, MESSAGE or OPTIONS in one of our dialogs. */
    @Override
    public void onRequest(Dialog dialog, SipRequest request, ServerTransaction tx) {
        dialogs.onRequest(dialog, request, tx);
    }

    /** The callee's ACK for our 2xx to its re-INVITE. */
    @Override
    public void onAck(Dialog dialog, SipRequest ack) {
        dialogs.onAck(dialog, ack);
    }

    @Override
    public void deliverModify(ModifyRequest request) {
        ctx.notifyListener("onModify", () -> listener.onModify(this, request));
    }

    @Override
    public void deliverMessage(DialogMessage message) {
        ctx.notifyListener("onMessage", () -> listener.onMessage(this, message));
    }

    @Override
    public void deliverRefer(IncomingRefer refer) {
        ctx.notifyListener("onRefer", () -> listener.onRefer(this, refer));
    }

    @Override
    public void endWithBye(CallEndReason reason) {
        if (state == ANSWERED) {
            ctx.sender().sendBye(answered, destination);
            dialogs.end(answered);
            end(reason);
        }
    }

    private void onProvisional(SipResponse response) {
        if (state == CALLING) {
            moveTo(PROCEEDING);
        }
        if ((state == PROCEEDING || state == CANCELLING) && !dialogs.onProvisional(response)) {
            return; // a retransmitted reliable provisional, already PRACKed (RFC 3262 §4)
        }
        if (cancelPending) { // §9.1: the CANCEL waited for a provisional response
            cancelPending = false;
            sendCancel();
        }
        if (state == PROCEEDING && response.status() > 100) { // 100 is hop-by-hop, not for the application
            ctx.notifyListener("onProvisional",
                    () -> listener.onProvisional(this, response.status(), response.reason(), Bodies.sdp(response)));
        }
    }

    /** §13.2.2.4: every 2xx is ACKed by its dialog; only the first one answers the call, later forks are BYEd. */
    private void on2xx(SipResponse ok) {
        Dialog dialog = dialogs.confirm(ok);
        if (dialog == null) {
            return; // a retransmission: ACKed again
        }
        if (state == CALLING || state == PROCEEDING) {
            moveTo(ANSWERED);
            answered = dialog;
            finalResponse = ok;
            DialogSession session = dialogs.session(dialog);
            session.exchanged(Bodies.sdp(invite), Bodies.sdp(ok));
            session.peerCapabilities(ok);
            session.timer().answered(ok); // RFC 4028 §7.2
            cancel(cancelGuard);
            inviteCompletion = ctx.setup().scheduler().schedule(dialogs::endEarly, 64 * ctx.setup().timers().t1());
            ctx.notifyListener("onAnswered", () -> listener.onAnswered(this, Bodies.sdp(ok)));
            return;
        }
        ctx.sender().sendBye(dialog, destination); // another fork, or a 2xx that crossed our CANCEL
        dialogs.end(dialog);
        if (state == CANCELLING) {
            dialogs.endAll();
            fail(487, "Request Terminated");
        }
    }

    private void cancelNow() {
        if (state == CALLING) {
            moveTo(CANCELLING);
            cancelPending = true; // §9.1: no CANCEL before a provisional response
        } else if (state == PROCEEDING) {
            moveTo(CANCELLING);
            sendCancel();
        } else {
            ignored("cancel");
        }
    }

    private void sendCancel() {
        CompletableFuture<Integer> answered = new CompletableFuture<>();
        answered.thenAccept(status -> LOG.log(Level.DEBUG, "CANCEL of {0} answered {1}", callId(), status));
        ctx.setup().transactions().sendCancel(transaction, OutgoingModify.statusOnly(answered));
        startCancelGuard();
    }

    /** §9.1: no final response 64*T1 after the CANCEL (or early BYE): the INVITE transaction is considered cancelled. */
    private void startCancelGuard() {
        cancelGuard = ctx.setup().scheduler().schedule(this::onCancelGuard, 64 * ctx.setup().timers().t1());
    }

    private void onCancelGuard() {
        if (state == CANCELLING) {
            transaction.terminate();
            dialogs.endAll();
            fail(487, "Request Terminated");
        }
    }

    private void hangUpNow() {
        if (state == ANSWERED) { // §15.1.1
            ctx.sender().sendBye(answered, destination);
            dialogs.end(answered);
            end(CallEndReason.LOCAL_BYE);
        } else if ((state == CALLING || state == PROCEEDING) && !dialogs.early().isEmpty()) {
            moveTo(CANCELLING); // §15: the caller may BYE an early dialog; the INVITE is then answered (487)
            for (Dialog early : dialogs.early()) {
                ctx.sender().sendBye(early, destination);
                dialogs.end(early);
            }
            startCancelGuard();
        } else {
            cancelNow();
        }
    }

    /** Stack shutdown: the call ends without any message sent. */
    void shutdown() {
        if (state == ANSWERED) {
            dialogs.endAll();
            end(CallEndReason.SHUTDOWN);
        } else if (state != ENDED) {
            if (transaction != null) {
                transaction.terminate();
            }
            dialogs.endAll();
            fail(503, "Service Unavailable (stack shut down)");
        }
    }

    private void fail(int status, String reason) {
        finish();
        ctx.notifyListener("onFailed", () -> listener.onFailed(this, status, reason));
    }

    private void end(CallEndReason reason) {
        finish();
        ctx.notifyListener("onEnded", () -> listener.onEnded(this, reason));
    }

    private void finish() {
        moveTo(ENDED);
        cancel(cancelGuard);
        cancel(inviteCompletion);
        dialogs.endEarly();
        ctx.calls().remove(this);
    }

    private void moveTo(OutboundCallState next) {
        state = TRANSITIONS.transition(state, next);
    }

    private static void cancel(TimerScheduler.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    private void ignored(String operation) {
        LOG.log(Level.INFO, "{0} ignored: call {1} is {2}", operation, callId(), state);
    }

    @Override
    public String toString() {
        return "OutboundCall[" + callId() + ", " + state + "]";
    }
}
