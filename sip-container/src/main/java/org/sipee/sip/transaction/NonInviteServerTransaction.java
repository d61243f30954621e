package org.sipee.sip.transaction;

import java.lang.System.Logger.Level;
import java.util.function.Consumer;

import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.sipee.sip.transaction.NonInviteServerState.COMPLETED;
import static org.sipee.sip.transaction.NonInviteServerState.PROCEEDING;
import static org.sipee.sip.transaction.NonInviteServerState.TERMINATED;
import static org.sipee.sip.transaction.NonInviteServerState.TRYING;

/** Non-INVITE server transaction over an unreliable transport (RFC 3261 §17.2.2). */
public final class NonInviteServerTransaction extends ServerTransaction {

    private static final System.Logger LOG = System.getLogger(NonInviteServerTransaction.class.getName());

    static final TransitionTable<NonInviteServerState> TRANSITIONS =
            TransitionTable.of("non-INVITE server transaction", NonInviteServerState.class)
                    .allow(TRYING, PROCEEDING, COMPLETED, TERMINATED)     // 1xx; 200-699; shutdown
                    .allow(PROCEEDING, PROCEEDING, COMPLETED, TERMINATED) // 1xx; 200-699; shutdown
                    .allow(COMPLETED, TERMINATED)                         // Timer J
                    .build();

    private NonInviteServerState state = TRYING;
    private TimerScheduler.Timer timerJ;

    public NonInviteServerTransaction(TransactionKey key, SipRequest request, ResponseChannel channel,
                                      TimerScheduler scheduler, SipTimers timers, Consumer<ServerTransaction> onTerminated) {
        super(key, request, channel, scheduler, timers, onTerminated);
    }

    public NonInviteServerState state() {
        return state;
    }

    @Override
    public boolean isTerminated() {
        return state == TERMINATED;
    }

    /** Trying: discard; Proceeding/Completed: retransmit the last response. */
    @Override
    public void onRetransmittedRequest() {
        if (state == PROCEEDING || state == COMPLETED) {
            retransmitLast();
        }
    }

    @Override
    public void sendResponse(SipResponse response) {
        if (state != TRYING && state != PROCEEDING) {
            LOG.log(Level.DEBUG, "non-INVITE transaction in {0} drops {1}", state, response.startLine());
            return;
        }
        if (response.isProvisional()) {
            moveTo(PROCEEDING);
            transmit(response);
        } else {
            moveTo(COMPLETED); // start Timer J
            transmit(response);
            timerJ = scheduler.schedule(this::onTimerJ, timers.timerJ());
        }
    }

    private void onTimerJ() {
        if (state == COMPLETED) {
            terminate();
        }
    }

    @Override
    public void terminate() {
        if (state == TERMINATED) {
            return;
        }
        moveTo(TERMINATED);
        cancel(timerJ);
        notifyTerminated();
    }

    private void moveTo(NonInviteServerState next) {
        state = TRANSITIONS.transition(state, next);
    }
}
