package org.sipee.sip.ua;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.List;

import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.ClientTransaction;
import org.sipee.sip.transaction.ClientTransactionListener;
import org.sipee.sip.transaction.TimerScheduler;
import org.sipee.sip.transaction.TransactionFailure;
import org.sipee.sip.transaction.TransitionTable;

import static org.sipee.sip.ua.RegistrationState.ENDED;
import static org.sipee.sip.ua.RegistrationState.REFRESHING;
import static org.sipee.sip.ua.RegistrationState.REGISTERED;
import static org.sipee.sip.ua.RegistrationState.REGISTERING;
import static org.sipee.sip.ua.RegistrationState.RETRY_WAIT;
import static org.sipee.sip.ua.RegistrationState.UNREGISTERING;

/**
 * An {@link OutboundRegistration} (RFC 3261 §10.2): each REGISTER in a non-INVITE client transaction, one at a
 * time, all with the same Call-ID and increasing CSeq (§10.2.4). 401/407 are answered ({@link ChallengeAnswers}),
 * 423 is retried with its Min-Expires (§10.2.8), a 2xx schedules the refresh, a failure the next try after a
 * back-off of 30 s doubling up to 30 min (the base and cap of RFC 5626 §4.5). Runs on the event loop.
 */
final class ClientRegistration implements OutboundRegistration, ClientTransactionListener {

    private static final System.Logger LOG = System.getLogger(ClientRegistration.class.getName());
    private static final long FIRST_BACKOFF_MILLIS = 30_000;
    private static final long MAX_BACKOFF_MILLIS = 1_800_000;

    static final TransitionTable<RegistrationState> TRANSITIONS = TransitionTable.of("registration", RegistrationState.class)
            .allow(REGISTERING, REGISTERED, RETRY_WAIT, UNREGISTERING, ENDED) // 2xx; failure; close(); shutdown
            .allow(REGISTERED, REFRESHING, UNREGISTERING, ENDED)              // refresh timer; close(); shutdown
            .allow(REFRESHING, REGISTERED, RETRY_WAIT, UNREGISTERING, ENDED)  // 2xx; failure; close(); shutdown
            .allow(RETRY_WAIT, REGISTERING, UNREGISTERING, ENDED)             // back-off timer; close(); shutdown
            .allow(UNREGISTERING, ENDED)                                      // Expires: 0 answered or failed
            .build();

    private final UacContext ctx;
    private final InetSocketAddress destination;
    private final RegistrationListener listener;
    private final ChallengeAnswers challenges;
    private volatile RegistrationState state = REGISTERING;
    private SipRequest last;
    private int expires;
    private long backoff = FIRST_BACKOFF_MILLIS;
    private boolean unregisterSent;
    private ClientTransaction transaction;
    private TimerScheduler.Timer timer;

    ClientRegistration(UacContext ctx, SipRequest register, InetSocketAddress destination, Settings settings,
                       RegistrationListener listener) {
        this.ctx = ctx;
        this.last = register;
        this.destination = destination;
        this.listener = listener;
        this.challenges = new ChallengeAnswers(settings.credentials());
        this.expires = settings.expires();
    }

    @Override
    public RegistrationState state() {
        return state;
    }

    @Override
    public void close() {
        ctx.execute(this::closeNow);
    }

    /** On the event loop: sends the first REGISTER. */
    void start() {
        ctx.registrations().add(this);
        send(last);
    }

    @Override
    public void onResponse(SipResponse response) {
        if (response.isProvisional()) {
            return;
        }
        if (state == UNREGISTERING && !unregisterSent) {
            unregisterOrEnd(); // the final response close() waited for
            return;
        }
        SipRequest again = challenges.answer(last, response);
        if (again == null && response.status() == 423 && !unregisterSent) {
            again = raisedExpires(response);
        }
        if (again != null) {
            send(again);
        } else if (response.isSuccess()) {
            onSuccess(response);
        } else {
            onFailure(response.status(), response.reason());
        }
    }

    @Override
    public void onFailure(TransactionFailure failure) {
        onFailure(failure.status(), failure.reason());
    }

    /** §10.2.8: 423 Interval Too Brief: again with its Min-Expires, when that is above what we asked. */
    private SipRequest raisedExpires(SipResponse tooBrief) {
        try {
            int min = Integer.parseInt(String.valueOf(tooBrief.header("Min-Expires")).trim());
            if (min <= expires) {
                return null;
            }
            expires = min;
            return RegisterRequest.next(last, expires);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void onSuccess(SipResponse ok) {
        if (state == UNREGISTERING) {
            unregisterOrEnd();
            return;
        }
        moveTo(REGISTERED);
        backoff = FIRST_BACKOFF_MILLIS;
        int granted = RegisterRequest.granted(ok, last);
        timer = ctx.setup().scheduler().schedule(() -> again(REFRESHING), refreshDelay(granted));
        List<String> bindings = ok.headerValues("Contact");
        ctx.notifyListener("onRegistered", () -> listener.onRegistered(granted, bindings));
    }

    private void onFailure(int status, String reason) {
        if (state == UNREGISTERING) {
            unregisterOrEnd(); // a failed Expires: 0 ends the registration too; the binding expires by itself
            return;
        }
        moveTo(RETRY_WAIT);
        LOG.log(Level.INFO, "REGISTER {0} failed {1} {2}; next try in {3} ms", last.requestUri(), status, reason, backoff);
        timer = ctx.setup().scheduler().schedule(() -> again(REGISTERING), backoff);
        backoff = Math.min(2 * backoff, MAX_BACKOFF_MILLIS);
        ctx.notifyListener("onFailed", () -> listener.onFailed(status, reason));
    }

    /**
     * §10.2.4: refresh before the binding expires: halfway through, or for long bindings 64*T1 before the end,
     * so that a refresh retransmitted until Timer F still arrives in time.
     */
    private long refreshDelay(int grantedSeconds) {
        long granted = grantedSeconds * 1000L;
        return Math.max(granted / 2, granted - 64 * ctx.setup().timers().t1());
    }

    /** The next REGISTER of a new round (refresh or retry): every challenge may be answered again. */
    private void again(RegistrationState round) {
        moveTo(round);
        challenges.reset();
        send(RegisterRequest.next(last, expires));
    }

    private void closeNow() {
        if (state == REGISTERED || state == RETRY_WAIT) {
            cancelTimer();
            moveTo(UNREGISTERING);
            unregisterOrEnd();
        } else if (state == REGISTERING || state == REFRESHING) {
            moveTo(UNREGISTERING); // §10.2: the Expires: 0 REGISTER waits for the final response in flight
        }
    }

    /** §10.2.2: REGISTER with Expires: 0 for our contact, unless that was the request just answered. */
    private void unregisterOrEnd() {
        if (unregisterSent) {
            end();
            return;
        }
        unregisterSent = true;
        challenges.reset();
        send(RegisterRequest.next(last, 0));
    }

    private void send(SipRequest register) {
        last = register;
        transaction = ctx.setup().transactions().sendRequest(register, destination, this);
    }

    /** Stack shutdown: ends without sending anything. */
    void shutdown() {
        if (state != ENDED) {
            if (transaction != null) {
                transaction.terminate();
            }
            end();
        }
    }

    private void end() {
        moveTo(ENDED);
        cancelTimer();
        ctx.registrations().remove(this);
        ctx.notifyListener("onEnded", listener::onEnded);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
        }
    }

    private void moveTo(RegistrationState next) {
        state = TRANSITIONS.transition(state, next);
    }

    @Override
    public String toString() {
        return "OutboundRegistration[" + last.callId() + ", " + state + "]";
    }
}
