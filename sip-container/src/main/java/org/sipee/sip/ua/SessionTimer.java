package org.sipee.sip.ua;

import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.TimerScheduler;
import org.sipee.sip.transaction.TransitionTable;

import static org.sipee.sip.ua.SessionTimerState.OFF;
import static org.sipee.sip.ua.SessionTimerState.PEER_REFRESHES;
import static org.sipee.sip.ua.SessionTimerState.STOPPED;
import static org.sipee.sip.ua.SessionTimerState.WE_REFRESH;

/**
 * RFC 4028 session timer of one dialog, (re)armed by each successful session refresh in either direction: the
 * refresher sends a refresh at half the interval (§10); the session expires at the interval minus
 * min(32 s, interval/3) without one (§10), which ends the call with BYE. Used on the event loop.
 */
final class SessionTimer {

    static final TransitionTable<SessionTimerState> TRANSITIONS = TransitionTable.of("session timer", SessionTimerState.class)
            .allow(OFF, WE_REFRESH, PEER_REFRESHES, STOPPED)
            .allow(WE_REFRESH, WE_REFRESH, PEER_REFRESHES, OFF, STOPPED)
            .allow(PEER_REFRESHES, WE_REFRESH, PEER_REFRESHES, OFF, STOPPED)
            .build();

    private final SessionContext ctx;
    private final Runnable refresh;
    private final Runnable expire;
    private SessionTimerState state = OFF;
    private long interval;
    private long raisedMinSE;
    private TimerScheduler.Timer refreshTimer;
    private TimerScheduler.Timer expiryTimer;

    SessionTimer(SessionContext ctx, Runnable refresh, Runnable expire) {
        this.ctx = ctx;
        this.refresh = refresh;
        this.expire = expire;
    }

    SessionTimerState state() {
        return state;
    }

    /** The current interval in seconds, or our configured one before any negotiation. */
    long interval() {
        return interval > 0 ? interval : ctx.policy().sessionExpires();
    }

    /** Headers of a request we send that creates or refreshes the session (§7.1, §7.4). */
    void addRequestHeaders(SipRequest request) {
        if (!ctx.policy().sessionTimers()) {
            return;
        }
        request.addHeader(HeaderNames.SUPPORTED, "timer");
        String refresher = state == PEER_REFRESHES ? "uas" : "uac";
        long seconds = interval();
        request.addHeader(SessionExpires.HEADER, state == OFF ? Long.toString(seconds) : seconds + ";refresher=" + refresher);
        request.addHeader(SessionExpires.MIN_SE, Long.toString(Math.max(ctx.policy().minSE(), raisedMinSE)));
    }

    /** §8.1: the smallest interval we accept for this request (ours and the request's Min-SE); 0 when acceptable. */
    long tooSmall(SipRequest request) {
        return tooSmall(ctx.policy(), request);
    }

    static long tooSmall(UaPolicy policy, SipRequest request) {
        SessionExpires se = SessionExpires.of(request);
        long min = Math.max(policy.minSE(), SessionExpires.minSE(request));
        return policy.sessionTimers() && se != null && se.seconds() < min ? min : 0;
    }

    /**
     * §9: as UAS of {@code request} (initial INVITE or a refresh), adds Session-Expires with the refresher and
     * Require: timer (when the requester supports it) to our 2xx, and arms the timer.
     */
    void answer(SipRequest request, SipResponse ok) {
        if (!ctx.policy().sessionTimers()) {
            return;
        }
        SessionExpires asked = SessionExpires.of(request);
        boolean supported = Bodies.lists(request, HeaderNames.SUPPORTED, "timer") || Bodies.lists(request, HeaderNames.REQUIRE, "timer");
        long seconds = asked != null ? asked.seconds()
                : Math.max(interval(), Math.max(ctx.policy().minSE(), SessionExpires.minSE(request)));
        String refresher = asked != null && asked.refresher() != null ? asked.refresher() : supported ? "uac" : "uas";
        ok.addHeader(SessionExpires.HEADER, seconds + ";refresher=" + refresher);
        if (supported) {
            ok.addHeader(HeaderNames.REQUIRE, "timer");
        }
        arm(seconds, refresher.equals("uas"));
    }

    /** §7.2: as UAC, the 2xx to our request decides; without Session-Expires there is no session timer. */
    void answered(SipResponse ok) {
        SessionExpires granted = SessionExpires.of(ok);
        if (granted == null || !ctx.policy().sessionTimers()) {
            stopTimers();
            if (state == WE_REFRESH || state == PEER_REFRESHES) {
                state = TRANSITIONS.transition(state, OFF);
            }
            return;
        }
        arm(granted.seconds(), !"uas".equals(granted.refresher()));
    }

    /** RFC 4028 §7.4: after 422 the request is retried with the interval raised to its Min-SE; false when no raise. */
    boolean raise(SipResponse tooSmall) {
        long min = SessionExpires.minSE(tooSmall);
        if (min <= interval()) {
            return false;
        }
        interval = min;
        raisedMinSE = min;
        return true;
    }

    void arm(long seconds, boolean weRefresh) {
        if (state == STOPPED) {
            return;
        }
        stopTimers();
        interval = seconds;
        state = TRANSITIONS.transition(state, weRefresh ? WE_REFRESH : PEER_REFRESHES);
        long millis = seconds * 1000;
        if (weRefresh) {
            refreshTimer = ctx.scheduler().schedule(this::onRefreshTimer, millis / 2);
        }
        expiryTimer = ctx.scheduler().schedule(this::onExpiryTimer, millis - Math.min(32_000, millis / 3));
    }

    void stop() {
        stopTimers();
        if (state != STOPPED) {
            state = TRANSITIONS.transition(state, STOPPED);
        }
    }

    private void onRefreshTimer() {
        if (state == WE_REFRESH) {
            refresh.run();
        }
    }

    private void onExpiryTimer() {
        if (state == WE_REFRESH || state == PEER_REFRESHES) {
            stop();
            expire.run();
        }
    }

    private void stopTimers() {
        if (refreshTimer != null) {
            refreshTimer.cancel();
        }
        if (expiryTimer != null) {
            expiryTimer.cancel();
        }
    }
}
