package org.sipee.sip.transaction;

import java.lang.System.Logger.Level;
import java.util.function.Consumer;

import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.sipee.sip.transaction.InviteServerState.ACCEPTED;
import static org.sipee.sip.transaction.InviteServerState.COMPLETED;
import static org.sipee.sip.transaction.InviteServerState.CONFIRMED;
import static org.sipee.sip.transaction.InviteServerState.PROCEEDING;
import static org.sipee.sip.transaction.InviteServerState.TERMINATED;

/** INVITE server transaction over an unreliable transport (RFC 3261 §17.2.1, RFC 6026 §7.1). */
public final class InviteServerTransaction extends ServerTransaction {

    private static final System.Logger LOG = System.getLogger(InviteServerTransaction.class.getName());

    static final TransitionTable<InviteServerState> TRANSITIONS =
            TransitionTable.of("INVITE server transaction", InviteServerState.class)
                    .allow(PROCEEDING, PROCEEDING, COMPLETED, ACCEPTED, TERMINATED) // 1xx; 300-699; 2xx (RFC 6026); shutdown
                    .allow(COMPLETED, CONFIRMED, TERMINATED)                        // ACK; Timer H
                    .allow(CONFIRMED, TERMINATED)                                   // Timer I
                    .allow(ACCEPTED, TERMINATED)                                    // Timer L
                    .build();

    private InviteServerState state = PROCEEDING;
    private long timerGInterval;
    private TimerScheduler.Timer timerG;
    private TimerScheduler.Timer timerH;
    private TimerScheduler.Timer timerI;
    private TimerScheduler.Timer timerL;

    public InviteServerTransaction(TransactionKey key, SipRequest invite, ResponseChannel channel,
                                   TimerScheduler scheduler, SipTimers timers, Consumer<ServerTransaction> onTerminated) {
        super(key, invite, channel, scheduler, timers, onTerminated);
    }

    public InviteServerState state() {
        return state;
    }

    @Override
    public boolean isTerminated() {
        return state == TERMINATED;
    }

    /** Proceeding/Completed: retransmit the last response; Accepted: absorb (RFC 6026). */
    @Override
    public void onRetransmittedRequest() {
        if (state == PROCEEDING || state == COMPLETED) {
            retransmitLast();
        }
    }

    @Override
    public void sendResponse(SipResponse response) {
        if (state == PROCEEDING) {
            if (response.isProvisional()) {
                transmit(response);
            } else if (response.isSuccess()) {
                moveTo(ACCEPTED); // RFC 6026 §7.1: 2xx -> Accepted, start Timer L
                transmitOnce(response);
                timerL = scheduler.schedule(this::onTimerL, timers.timerL());
            } else {
                moveTo(COMPLETED); // §17.2.1: 300-699 -> Completed, start Timers G and H
                transmit(response);
                timerGInterval = timers.timerG();
                timerG = scheduler.schedule(this::onTimerG, timerGInterval);
                timerH = scheduler.schedule(this::onTimerH, timers.timerH());
            }
        } else if (state == ACCEPTED && response.isSuccess()) {
            transmitOnce(response); // RFC 6026: 2xx retransmissions from the TU pass through
        } else {
            LOG.log(Level.DEBUG, "INVITE transaction in {0} drops {1}", state, response.startLine());
        }
    }

    /**
     * An ACK matched this transaction. Returns true when the transaction absorbed it (ACK for a non-2xx,
     * §17.2.1), false when it belongs to the TU (ACK for a 2xx reusing the INVITE branch, RFC 6026).
     */
    public boolean onAck() {
        if (state == COMPLETED) {
            moveTo(CONFIRMED); // §17.2.1: ACK -> Confirmed, start Timer I
            cancel(timerG);
            cancel(timerH);
            timerI = scheduler.schedule(this::onTimerI, timers.timerI());
            return true;
        }
        return state == CONFIRMED;
    }

    /** Timer G: retransmit the final response, interval doubled up to T2. */
    private void onTimerG() {
        if (state == COMPLETED) {
            retransmitLast();
            timerGInterval = timers.backoff(timerGInterval);
            timerG = scheduler.schedule(this::onTimerG, timerGInterval);
        }
    }

    /** Timer H: no ACK arrived. */
    private void onTimerH() {
        if (state == COMPLETED) {
            LOG.log(Level.DEBUG, "Timer H: no ACK for the {0} to {1}", lastStatus(), key());
            terminate();
        }
    }

    private void onTimerI() {
        if (state == CONFIRMED) {
            terminate();
        }
    }

    private void onTimerL() {
        if (state == ACCEPTED) {
            terminate();
        }
    }

    @Override
    public void terminate() {
        if (state == TERMINATED) {
            return;
        }
        moveTo(TERMINATED);
        cancel(timerG);
        cancel(timerH);
        cancel(timerI);
        cancel(timerL);
        notifyTerminated();
    }

    private void moveTo(InviteServerState next) {
        state = TRANSITIONS.transition(state, next);
    }
}
