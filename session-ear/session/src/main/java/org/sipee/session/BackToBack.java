package org.sipee.session;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

import org.sipee.sip.message.SipResponse;
import org.sipee.sip.ua.CallEndReason;

/**
 * A back-to-back user agent's two legs: the caller's incoming call and the call we place to the target for it. The
 * caller rings while the target rings (183 with early media is passed on, bridged), is answered and bridged when the
 * target answers, and gets the target's refusal (486 stays 486, a 3xx is passed on as a redirect); whichever leg ends
 * first, the other is ended too (CANCEL before the answer, else BYE).
 */
final class BackToBack implements LinkedDial, LegListener {

    private static final Logger LOG = Logger.getLogger(BackToBack.class.getName());
    /** Authentication challenges are the target's business with us; the caller could not answer them. */
    private static final Map<Integer, Integer> NOT_PASSED_ON = Map.of(401, 403, 407, 403);

    private final CallSession caller;
    private final CompletableFuture<OutgoingCall> connected = new CompletableFuture<>();
    private volatile OutboundSession callee;
    /** The two calls that end together: the caller and the callee, until a transfer hands one's place over. */
    private volatile BaseSession first;
    private volatile BaseSession second;

    private BackToBack(CallSession caller) {
        this.caller = caller;
        this.first = caller;
    }

    /** Places the call to {@code target} for {@code caller}, with the caller's identity as From. */
    static CompletionStage<OutgoingCall> connect(CallSession caller, String target) {
        BackToBack legs = new BackToBack(caller);
        caller.addLegListener(legs);
        try {
            caller.engine().apply(c -> c.dial(caller.remoteParty(), target, legs));
        } catch (RuntimeException e) { // a target we cannot call (not an IP literal, malformed): the caller learns of it
            LOG.info(() -> "call " + caller.callId() + " not connected to " + target + ": " + e.getMessage());
            caller.reject(500, "Server Internal Error");
            legs.connected.completeExceptionally(e);
        }
        return legs.connected;
    }

    @Override
    public boolean attach(OutboundSession session) {
        if (caller.state().isTerminal()) {
            return false; // the caller gave up before the INVITE went out
        }
        callee = session;
        second = session;
        session.addLegListener(this);
        return true;
    }

    @Override
    public void provisional(OutboundSession leg, int status, String reason, boolean earlyMedia) {
        if (earlyMedia) {
            caller.earlyMedia().thenRun(this::bridgeOnce).exceptionally(e -> {
                caller.ringing(); // the caller's INVITE had no offer: plain ringing
                return null;
            });
        } else {
            caller.ringing(); // 180, 182, 183 without SDP: the caller hears ringback either way
        }
    }

    @Override
    public void answered(OutboundSession leg) {
        caller.answer().whenComplete((answered, failure) -> {
            if (failure != null) {
                LOG.info(() -> "caller of " + caller.callId() + " gone before the answer: " + failure.getMessage());
                leg.endLinked();
                connected.completeExceptionally(failure);
            } else {
                bridgeOnce();
                connected.complete(leg);
            }
        });
    }

    @Override
    public void failed(OutboundSession leg, int status, String reason, SipResponse response) {
        connected.completeExceptionally(new CallFailedException(leg.callId(), status, reason));
        if (caller.state().isTerminal()) {
            return;
        }
        if (status >= 300 && status < 400 && response != null && !response.headerValues("Contact").isEmpty()) {
            caller.redirect(status, response.headerValues("Contact"));
        } else {
            int passedOn = NOT_PASSED_ON.getOrDefault(status, status);
            caller.reject(passedOn, passedOn == status ? reason : "Forbidden");
        }
    }

    @Override
    public void ended(BaseSession leg, CallEndReason reason) {
        connected.completeExceptionally(new IllegalStateException("call " + leg.callId() + " ended: " + reason));
        BaseSession other = leg == first ? second : leg == second ? first : null;
        if (other != null && !other.state().isTerminal()) {
            LOG.fine(() -> leg.callId() + " ended (" + reason + "): ending " + other.callId());
            other.endLinked();
        }
    }

    @Override
    public synchronized boolean handOver(BaseSession leaving, BaseSession joining) {
        if (leaving == first) {
            first = joining;
        } else if (leaving == second) {
            second = joining;
        } else {
            return false;
        }
        leaving.legListeners().remove(this);
        joining.addLegListener(this);
        return true;
    }

    /** Early media and the answer both bridge the legs; once is enough (the streams stay the same). */
    private synchronized void bridgeOnce() {
        if (caller.bridged().isEmpty() && !caller.state().isTerminal() && callee != null && !callee.state().isTerminal()) {
            caller.bridge(callee);
        }
    }
}
