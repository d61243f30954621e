package org.sipee.sip.ua;

import java.lang.System.Logger.Level;

import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.ServerTransaction;
import org.sipee.sip.transaction.SipTimers;
import org.sipee.sip.transaction.TimerScheduler;

/**
 * The one final response to a request the application answers (OPTIONS or REGISTER outside a dialog, REFER): sent
 * once in its server transaction. Not answered within 32*T1 (the client gives up at 64*T1, Timer F), the stack
 * answers 500 with Retry-After. Used on the event loop.
 */
final class SingleAnswer {

    private static final System.Logger LOG = System.getLogger(SingleAnswer.class.getName());

    private final SipRequest request;
    private final ServerTransaction tx;
    private final String toTag;
    private boolean answered;
    private TimerScheduler.Timer deadline;

    /** @param toTag the tag our responses add to a To without one (§8.2.6.2); null inside a dialog */
    SingleAnswer(SipRequest request, ServerTransaction tx, String toTag) {
        this.request = request;
        this.tx = tx;
        this.toTag = toTag;
    }

    /** Starts the 32*T1 deadline; on the loop, before the application hears of the request. */
    void start(TimerScheduler scheduler, SipTimers timers) {
        deadline = scheduler.schedule(this::onDeadline, 32 * timers.t1());
    }

    /** A response to the request, not yet sent. */
    SipResponse response(int status, String reason) {
        return Responses.create(request, status, reason, toTag);
    }

    /** Sends the final response unless one was sent already (then logged); returns whether it went out. */
    boolean send(SipResponse response) {
        if (answered) {
            LOG.log(Level.INFO, "{0} {1} already answered; {2} ignored", request.method(), request.callId(),
                    response.status());
            return false;
        }
        answered = true;
        if (deadline != null) {
            deadline.cancel();
        }
        tx.sendResponse(response);
        return true;
    }

    private void onDeadline() {
        LOG.log(Level.INFO, "{0} {1} not answered in time: 500", request.method(), request.callId());
        SipResponse response = response(500, "Server Internal Error");
        response.addHeader("Retry-After", "5");
        send(response);
    }
}
