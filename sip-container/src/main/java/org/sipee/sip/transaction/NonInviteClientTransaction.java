package org.sipee.sip.transaction;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.sipee.sip.transaction.NonInviteClientState.COMPLETED;
import static org.sipee.sip.transaction.NonInviteClientState.PROCEEDING;
import static org.sipee.sip.transaction.NonInviteClientState.TERMINATED;
import static org.sipee.sip.transaction.NonInviteClientState.TRYING;

/** Non-INVITE client transaction (RFC 3261 §17.1.2), e.g. BYE and CANCEL. */
public final class NonInviteClientTransaction extends ClientTransaction {

    static final TransitionTable<NonInviteClientState> TRANSITIONS =
            TransitionTable.of("non-INVITE client transaction", NonInviteClientState.class)
                    .allow(TRYING, PROCEEDING, COMPLETED, TERMINATED)     // 1xx; 200-699; Timer F, transport error
                    .allow(PROCEEDING, PROCEEDING, COMPLETED, TERMINATED) // 1xx; 200-699; Timer F, transport error
                    .allow(COMPLETED, TERMINATED)                         // Timer K
                    .build();

    private NonInviteClientState state = TRYING;
    private long timerEInterval;
    private TimerScheduler.Timer timerE;
    private TimerScheduler.Timer timerF;
    private TimerScheduler.Timer timerK;

    public NonInviteClientTransaction(SipRequest request, InetSocketAddress destination, RequestChannel channel,
                                      TimerScheduler scheduler, SipTimers timers, ClientTransactionListener listener,
                                      Consumer<ClientTransaction> onTerminated) {
        super(request, destination, channel, scheduler, timers, listener, onTerminated);
    }

    public NonInviteClientState state() {
        return state;
    }

    @Override
    public boolean isTerminated() {
        return state == TERMINATED;
    }

    /** §17.1.2.2: send the request; Timer E over UDP only, Timer F always. */
    @Override
    public void start() {
        transmit();
        if (state == TERMINATED) {
            return; // the transport failed at once
        }
        if (!reliable()) {
            timerEInterval = timers.timerE();
            timerE = scheduler.schedule(this::onTimerE, timerEInterval);
        }
        timerF = scheduler.schedule(this::onTimerF, timers.timerF());
    }

    @Override
    public void onResponse(SipResponse response) {
        if (state != TRYING && state != PROCEEDING) {
            return; // Completed: retransmitted final responses are absorbed
        }
        if (response.isProvisional()) {
            moveTo(PROCEEDING);
            passUp(response);
            return;
        }
        moveTo(COMPLETED); // §17.1.2.2: 200-699 -> Completed, Timer K
        cancel(timerE);
        cancel(timerF);
        passUp(response);
        long k = timers.timerK(reliable());
        if (k == 0) {
            terminateNow();
        } else {
            timerK = scheduler.schedule(this::onTimerK, k);
        }
    }

    /** Timer E: retransmit; in Trying the interval doubles up to T2, in Proceeding it is T2. */
    private void onTimerE() {
        if (state == TRYING || state == PROCEEDING) {
            retransmit();
            timerEInterval = state == TRYING ? timers.backoff(timerEInterval) : timers.t2();
            timerE = scheduler.schedule(this::onTimerE, timerEInterval);
        }
    }

    /** Timer F: no final response within 64*T1 — timeout to the TU. */
    private void onTimerF() {
        if (state == TRYING || state == PROCEEDING) {
            terminateWith(TransactionFailure.TIMEOUT);
        }
    }

    private void onTimerK() {
        if (state == COMPLETED) {
            terminateNow();
        }
    }

    @Override
    protected void onTransportError() {
        if (state == TRYING || state == PROCEEDING) {
            terminateWith(TransactionFailure.TRANSPORT_ERROR);
        }
    }

    private void terminateWith(TransactionFailure failure) {
        terminateNow();
        fail(failure);
    }

    @Override
    public void terminate() {
        terminateNow();
    }

    private void terminateNow() {
        if (state == TERMINATED) {
            return;
        }
        moveTo(TERMINATED);
        cancel(timerE);
        cancel(timerF);
        cancel(timerK);
        notifyTerminated();
    }

    private void moveTo(NonInviteClientState next) {
        state = TRANSITIONS.transition(state, next);
    }
}
