package org.sipee.sip.ua;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ThreadLocalRandom;

import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.ServerTransaction;
import org.sipee.sip.transaction.TimerScheduler;
import org.sipee.sip.transaction.TransitionTable;

import static org.sipee.sip.ua.ReliableState.AWAITING_PRACK;
import static org.sipee.sip.ua.ReliableState.DONE;
import static org.sipee.sip.ua.ReliableState.IDLE;

/**
 * RFC 3262 §3 as UAS: each 1xx but 100 goes with Require: 100rel and RSeq, is retransmitted at T1, 2*T1, 4*T1 ...
 * until its PRACK (answered 200 when its RAck matches), and after 64*T1 without PRACK the INVITE is rejected 5xx.
 * Further provisionals wait while one is unacknowledged. Used on the event loop.
 */
final class ReliableProvisionals {

    static final TransitionTable<ReliableState> TRANSITIONS = TransitionTable.of("reliable provisionals", ReliableState.class)
            .allow(IDLE, AWAITING_PRACK, DONE)
            .allow(AWAITING_PRACK, IDLE, DONE)
            .build();

    private final SessionContext ctx;
    private final SipRequest invite;
    private final ServerTransaction tx;
    private final Runnable giveUp;
    private final boolean enabled;
    private final Queue<SipResponse> waiting = new ArrayDeque<>();
    private ReliableState state = IDLE;
    private long rseq = ThreadLocalRandom.current().nextLong(1, 1L << 31) - 1; // §3: random start below 2^31
    private SipResponse unacknowledged;
    private long interval;
    private TimerScheduler.Timer retransmitTimer;
    private TimerScheduler.Timer giveUpTimer;
    private Runnable afterSdpAcknowledged;

    ReliableProvisionals(SessionContext ctx, SipRequest invite, ServerTransaction tx, Runnable giveUp) {
        this.ctx = ctx;
        this.invite = invite;
        this.tx = tx;
        this.giveUp = giveUp;
        this.enabled = wanted(invite);
    }

    /** §3: the UAS sends reliably when the INVITE says Supported or Require: 100rel. */
    static boolean wanted(SipRequest invite) {
        return Bodies.lists(invite, HeaderNames.REQUIRE, "100rel") || Bodies.lists(invite, HeaderNames.SUPPORTED, "100rel");
    }

    ReliableState state() {
        return state;
    }

    /** Sends a 1xx: reliably when the INVITE asked for it (and the 1xx is not 100), else as it is. */
    void send(SipResponse provisional) {
        if (!enabled || provisional.status() == 100) {
            tx.sendResponse(provisional);
            return;
        }
        if (state == DONE) {
            return;
        }
        if (state == AWAITING_PRACK) {
            waiting.add(provisional);
            return;
        }
        state = TRANSITIONS.transition(state, AWAITING_PRACK);
        provisional.addHeader(HeaderNames.REQUIRE, "100rel");
        provisional.addHeader("RSeq", Long.toString(++rseq));
        unacknowledged = provisional;
        tx.sendResponse(provisional);
        interval = ctx.timers().t1();
        retransmitTimer = ctx.scheduler().schedule(this::retransmit, interval);
        giveUpTimer = ctx.scheduler().schedule(this::onNoPrack, 64 * ctx.timers().t1());
    }

    private void retransmit() {
        if (state == AWAITING_PRACK) {
            tx.sendResponse(unacknowledged);
            interval *= 2;
            retransmitTimer = ctx.scheduler().schedule(this::retransmit, interval);
        }
    }

    private void onNoPrack() {
        if (state == AWAITING_PRACK) {
            stop();
            giveUp.run();
        }
    }

    /**
     * §3: a 2xx must not be sent while a reliable provisional that carried a session description is
     * unacknowledged. Runs the action now when none is, else once the PRACK for the last such one arrives.
     * Returns false when an action already waits.
     */
    boolean runWhenSdpAcknowledged(Runnable action) {
        if (!sdpOutstanding()) {
            action.run();
            return true;
        }
        if (afterSdpAcknowledged != null) {
            return false;
        }
        afterSdpAcknowledged = action;
        return true;
    }

    private boolean sdpOutstanding() {
        return state == AWAITING_PRACK && hasBody(unacknowledged)
                || waiting.stream().anyMatch(ReliableProvisionals::hasBody);
    }

    private static boolean hasBody(SipResponse response) {
        return response.body() != null && response.body().length > 0;
    }

    /** §3: a PRACK whose RAck names the unacknowledged provisional gets 200; any other 481. */
    void onPrack(SipRequest prack, ServerTransaction prackTx) {
        String expected = rseq + " " + invite.cseq().number() + " INVITE";
        String rack = prack.header("RAck");
        boolean matches = state == AWAITING_PRACK && rack != null
                && rack.trim().replaceAll("\\s+", " ").equalsIgnoreCase(expected);
        if (!matches) {
            prackTx.sendResponse(Responses.create(prack, 481, "Call/Transaction Does Not Exist", null));
            return;
        }
        prackTx.sendResponse(Responses.create(prack, 200, "OK", null));
        cancelTimers();
        state = TRANSITIONS.transition(state, IDLE);
        SipResponse next = waiting.poll();
        if (next != null) {
            send(next);
        }
        if (afterSdpAcknowledged != null && !sdpOutstanding()) {
            Runnable deferred = afterSdpAcknowledged;
            afterSdpAcknowledged = null;
            deferred.run();
        }
    }

    /** The INVITE has its final response (or the call ended): nothing more is retransmitted. */
    void stop() {
        cancelTimers();
        waiting.clear();
        afterSdpAcknowledged = null;
        if (state != DONE) {
            state = TRANSITIONS.transition(state, DONE);
        }
    }

    private void cancelTimers() {
        if (retransmitTimer != null) {
            retransmitTimer.cancel();
        }
        if (giveUpTimer != null) {
            giveUpTimer.cancel();
        }
    }
}
