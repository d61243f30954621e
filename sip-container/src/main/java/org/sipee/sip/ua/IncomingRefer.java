package org.sipee.sip.ua;

import java.lang.System.Logger.Level;

import org.sipee.sip.message.ReasonPhrases;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.ClientTransactionListener;
import org.sipee.sip.transaction.ServerTransaction;
import org.sipee.sip.transaction.TransactionFailure;
import org.sipee.sip.transaction.TransitionTable;

import static org.sipee.sip.ua.ReferState.DONE;
import static org.sipee.sip.ua.ReferState.SUBSCRIBED;
import static org.sipee.sip.ua.ReferState.UNANSWERED;

/**
 * The peer's REFER in a call's dialog (RFC 3515), for the application to {@link #accept()} or {@link #reject}, at
 * once or later on any thread (within 32*T1, else the stack answers 500 with Retry-After), and, once accepted, to
 * report the referenced request's progress with {@link #notifyProgress} until a final status ends the implicit
 * subscription. Unless the REFER said {@code Refer-Sub: false} (RFC 4488), when no NOTIFY is ever sent.
 * Thread-safe: the work is done on the stack's event loop; a call that comes too late is ignored and logged.
 */
public final class IncomingRefer {

    private static final System.Logger LOG = System.getLogger(IncomingRefer.class.getName());

    static final TransitionTable<ReferState> TRANSITIONS = TransitionTable.of("incoming REFER", ReferState.class)
            .allow(UNANSWERED, SUBSCRIBED, DONE) // 202; rejected, 500 at the deadline, 202 with Refer-Sub: false
            .allow(SUBSCRIBED, DONE)             // final NOTIFY; a NOTIFY failed; the dialog is gone
            .build();
    static final String REFER_SUB = "Refer-Sub";
    /** The subscription duration active NOTIFYs state (§2.4.7 leaves it to the notifier), in seconds. */
    static final int SUBSCRIPTION_SECONDS = 60;

    private final DialogSession session;
    private final SipRequest request;
    private final SingleAnswer answer;
    private final String referTo;
    private final String targetUri;
    private final String event;
    private final boolean subscription;
    private ReferState state = UNANSWERED;

    /** @param firstInDialog whether it is the first REFER the peer sent in the dialog (§2.4.6: NOTIFYs without id) */
    IncomingRefer(DialogSession session, SipRequest request, ServerTransaction tx, String targetUri,
                  boolean firstInDialog) {
        this.session = session;
        this.request = request;
        this.answer = new SingleAnswer(request, tx, null);
        this.referTo = request.header(ReferTo.HEADER);
        this.targetUri = targetUri;
        this.event = firstInDialog ? "refer" : "refer;id=" + cseq();
        String referSub = request.header(REFER_SUB);
        this.subscription = referSub == null || !Sipfrag.firstToken(referSub).equalsIgnoreCase("false");
    }

    /** The Refer-To value as received. */
    public String referTo() {
        return referTo;
    }

    /** The URI to refer to, with its headers part if any (e.g. {@code ?Replaces=...}, for {@link UserAgent#call}). */
    public String targetUri() {
        return targetUri;
    }

    /** The Referred-By value (RFC 3892), or null. */
    public String referredBy() {
        return request.header("Referred-By");
    }

    public SipRequest request() {
        return request;
    }

    /** 202 Accepted, then at once the first NOTIFY: 100 Trying (§2.4.5). */
    public void accept() {
        session.ctx().execute(this::acceptNow);
    }

    /** A final refusal, 400..699. */
    public void reject(int status, String reason) {
        if (status < 400 || status > 699) {
            throw new IllegalArgumentException("reject status must be 400..699, was " + status);
        }
        session.ctx().execute(() -> rejectNow(status, reason));
    }

    /**
     * A NOTIFY reporting the referenced request's latest response (100..699; a null reason: the usual phrase); a
     * final one (200 and above) ends the subscription, after which further calls are ignored. Ignored before
     * {@link #accept()}.
     */
    public void notifyProgress(int status, String reason) {
        if (status < 100 || status > 699) {
            throw new IllegalArgumentException("a status is 100..699, was " + status);
        }
        String phrase = reason == null ? ReasonPhrases.of(status) : reason;
        session.ctx().execute(() -> notifyNow(status, phrase));
    }

    /** On the loop, before the application hears of it. */
    void start() {
        answer.start(session.ctx().scheduler(), session.ctx().timers());
    }

    private void acceptNow() {
        if (state != UNANSWERED) {
            ignored("accept");
            return;
        }
        SipResponse accepted = answer.response(202, "Accepted");
        if (!subscription || request.hasHeader(REFER_SUB)) { // RFC 4488 §4
            accepted.addHeader(REFER_SUB, Boolean.toString(subscription));
        }
        if (!answer.send(accepted)) {
            return;
        }
        state = TRANSITIONS.transition(state, subscription ? SUBSCRIBED : DONE);
        if (subscription) {
            notifyNow(100, "Trying");
        }
    }

    private void rejectNow(int status, String reason) {
        if (state != UNANSWERED) {
            ignored("reject(" + status + ")");
        } else if (answer.send(answer.response(status, reason))) {
            state = TRANSITIONS.transition(state, DONE);
        }
    }

    /** §2.4.4, §2.4.7: a NOTIFY in the dialog, in its own transaction; terminated;reason=noresource when final. */
    private void notifyNow(int status, String reason) {
        if (state != SUBSCRIBED) {
            ignored("notifyProgress(" + status + ")");
            return;
        }
        if (!session.usable() || session.ctx().sender() == null) {
            LOG.log(Level.INFO, "REFER {0} in {1}: the dialog is gone, subscription ended", cseq(),
                    session.dialog().id());
            state = TRANSITIONS.transition(state, DONE);
            return;
        }
        boolean last = status >= 200;
        if (last) {
            state = TRANSITIONS.transition(state, DONE);
        }
        SipRequest notify = OutgoingModify.build(session, "NOTIFY");
        notify.addHeader("Event", event);
        notify.addHeader(Sipfrag.SUBSCRIPTION_STATE,
                last ? "terminated;reason=noresource" : "active;expires=" + SUBSCRIPTION_SECONDS);
        Bodies.set(notify, Sipfrag.CONTENT_TYPE, Sipfrag.statusLine(status, reason));
        session.ctx().sender().send(session.dialog(), notify, session.fallback(), new NotifyOutcome());
    }

    /** A NOTIFY the subscriber refused or never answered ends the subscription (RFC 6665 §4.2.2). */
    private final class NotifyOutcome implements ClientTransactionListener {
        @Override
        public void onResponse(SipResponse response) {
            if (response.status() >= 300) {
                stop("answered " + response.status());
            }
        }

        @Override
        public void onFailure(TransactionFailure failure) {
            stop(failure.toString());
        }

        private void stop(String why) {
            LOG.log(Level.INFO, "NOTIFY for REFER {0} in {1} {2}: subscription ended", cseq(), session.dialog().id(),
                    why);
            if (state == SUBSCRIBED) {
                state = TRANSITIONS.transition(state, DONE);
            }
        }
    }

    private long cseq() {
        return request.cseq().number();
    }

    private void ignored(String operation) {
        LOG.log(Level.INFO, "{0} ignored: REFER {1} in {2} is {3}", operation, cseq(), session.dialog().id(), state);
    }
}
