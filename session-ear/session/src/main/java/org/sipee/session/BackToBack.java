package org.sipee.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

import org.sipee.sip.message.SipResponse;
import org.sipee.sip.ua.CallEndReason;

/**
 * A back-to-back user agent's legs: the caller's incoming call and the calls we place for it, one per target, all at
 * once (parallel forking). The caller rings while a target rings (with one target its early media is passed on,
 * bridged), is answered and bridged to the first target that answers while the others are cancelled (a late 2xx gets
 * BYE), and when none answers gets the best refusal ({@link ForkResponses}). Once connected, whichever of the two
 * bridged calls ends first, the other is ended too.
 */
final class BackToBack implements LinkedDial, LegListener {

    private static final Logger LOG = Logger.getLogger(BackToBack.class.getName());

    private final CallSession caller;
    private final boolean forking;
    private final CompletableFuture<OutgoingCall> connected = new CompletableFuture<>();
    /** Placed and not yet answered or refused; guarded by this. */
    private final List<OutboundSession> ringing = new ArrayList<>();
    private final ForkResponses refusals = new ForkResponses();
    /** Dials not yet refused; guarded by this. */
    private int outstanding;
    private volatile OutboundSession callee;
    /** The two calls that end together: the caller and the answering callee, until a transfer hands one's place over. */
    private volatile BaseSession first;
    private volatile BaseSession second;

    private BackToBack(CallSession caller, int targets) {
        this.caller = caller;
        this.first = caller;
        this.forking = targets > 1;
        this.outstanding = targets;
    }

    /** Places a call to each target for {@code caller}, with the caller's identity as From. */
    static CompletionStage<OutgoingCall> connect(CallSession caller, List<String> targets) {
        BackToBack legs = new BackToBack(caller, targets.size());
        caller.addLegListener(legs);
        RuntimeException lastFailure = null;
        int unplaceable = 0;
        for (String target : targets) {
            try {
                caller.engine().apply(c -> c.dial(caller.remoteParty(), target, legs));
            } catch (RuntimeException e) { // a target we cannot call (not an IP literal, malformed)
                LOG.info(() -> "call " + caller.callId() + " not connected to " + target + ": " + e.getMessage());
                lastFailure = e;
                unplaceable++;
            }
        }
        if (unplaceable == targets.size()) { // none could be placed: the caller learns why the last one could not
            caller.reject(500, "Server Internal Error");
            legs.connected.completeExceptionally(lastFailure);
        } else {
            for (int i = 0; i < unplaceable; i++) {
                legs.refused(500, "Server Internal Error", null);
            }
        }
        return legs.connected;
    }

    @Override
    public synchronized boolean attach(OutboundSession session) {
        if (caller.state().isTerminal() || callee != null) {
            return false; // the caller gave up, or another target answered, before this INVITE went out
        }
        ringing.add(session);
        session.addLegListener(this);
        return true;
    }

    @Override
    public void provisional(OutboundSession leg, int status, String reason, boolean earlyMedia) {
        if (earlyMedia && !forking) {
            caller.earlyMedia().thenRun(() -> bridgeOnce(leg)).exceptionally(e -> {
                caller.ringing(); // the caller's INVITE had no offer: plain ringing
                return null;
            });
        } else if (callee == null) {
            caller.ringing(); // 180, 182, 183 (of one fork among several): the caller hears ringback either way
        }
    }

    @Override
    public void answered(OutboundSession leg) {
        List<OutboundSession> losers;
        synchronized (this) {
            if (callee != null) {
                losers = List.of(leg); // a second fork answered too (§13.2.2.4): it gets BYE
            } else {
                callee = leg;
                second = leg;
                ringing.remove(leg);
                losers = List.copyOf(ringing);
                ringing.clear();
            }
        }
        losers.forEach(BaseSession::endLinked); // CANCEL the forks still ringing
        if (callee != leg) {
            return;
        }
        caller.answer().whenComplete((answered, failure) -> {
            if (failure != null) {
                LOG.info(() -> "caller of " + caller.callId() + " gone before the answer: " + failure.getMessage());
                leg.endLinked();
                connected.completeExceptionally(failure);
            } else {
                bridgeOnce(leg);
                connected.complete(leg);
            }
        });
    }

    @Override
    public void failed(OutboundSession leg, int status, String reason, SipResponse response) {
        synchronized (this) {
            if (!ringing.remove(leg)) {
                return; // cancelled because another fork answered
            }
        }
        refused(status, reason, response);
    }

    /** One target refused; when it was the last, the caller gets the best of the refusals. */
    private void refused(int status, String reason, SipResponse response) {
        synchronized (this) {
            refusals.add(status, reason, response);
            if (--outstanding > 0 || callee != null) {
                return;
            }
        }
        ForkResponses.Best best = refusals.best();
        connected.completeExceptionally(new CallFailedException(caller.callId(), best.status(), best.reason()));
        if (caller.state().isTerminal()) {
            return;
        }
        if (best.contacts().isEmpty()) {
            caller.reject(best.status(), best.reason());
        } else {
            caller.redirect(best.status(), best.contacts());
        }
    }

    @Override
    public void ended(BaseSession leg, CallEndReason reason) {
        connected.completeExceptionally(new IllegalStateException("call " + leg.callId() + " ended: " + reason));
        List<BaseSession> others = new ArrayList<>();
        synchronized (this) {
            if (leg == caller && callee == null) {
                others.addAll(ringing); // the caller gave up: every fork is cancelled
                ringing.clear();
            }
        }
        BaseSession partner = leg == first ? second : leg == second ? first : null;
        if (partner != null) {
            others.add(partner);
        }
        for (BaseSession other : others) {
            if (!other.state().isTerminal()) {
                LOG.fine(() -> leg.callId() + " ended (" + reason + "): ending " + other.callId());
                other.endLinked();
            }
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
    private synchronized void bridgeOnce(OutboundSession leg) {
        if (caller.bridged().isEmpty() && !caller.state().isTerminal() && !leg.state().isTerminal()) {
            caller.bridge(leg);
        }
    }
}
