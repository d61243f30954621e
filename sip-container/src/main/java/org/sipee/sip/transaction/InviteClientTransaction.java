package org.sipee.sip.transaction;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transport.SentMessage;

import static org.sipee.sip.transaction.InviteClientState.ACCEPTED;
import static org.sipee.sip.transaction.InviteClientState.CALLING;
import static org.sipee.sip.transaction.InviteClientState.COMPLETED;
import static org.sipee.sip.transaction.InviteClientState.PROCEEDING;
import static org.sipee.sip.transaction.InviteClientState.TERMINATED;

/** INVITE client transaction (RFC 3261 §17.1.1, RFC 6026 §7.2 and §8.4). */
public final class InviteClientTransaction extends ClientTransaction {

    static final TransitionTable<InviteClientState> TRANSITIONS =
            TransitionTable.of("INVITE client transaction", InviteClientState.class)
                    .allow(CALLING, PROCEEDING, COMPLETED, ACCEPTED, TERMINATED) // 1xx; 300-699; 2xx; Timer B, transport error
                    .allow(PROCEEDING, PROCEEDING, COMPLETED, ACCEPTED, TERMINATED) // 1xx; 300-699; 2xx; shutdown
                    .allow(COMPLETED, TERMINATED)                                // Timer D, transport error
                    .allow(ACCEPTED, TERMINATED)                                 // Timer M
                    .build();

    private InviteClientState state = CALLING;
    private long timerAInterval;
    private TimerScheduler.Timer timerA;
    private TimerScheduler.Timer timerB;
    private TimerScheduler.Timer timerD;
    private TimerScheduler.Timer timerM;
    private SentMessage ack;

    public InviteClientTransaction(SipRequest invite, InetSocketAddress destination, RequestChannel channel,
                                   TimerScheduler scheduler, SipTimers timers, ClientTransactionListener listener,
                                   Consumer<ClientTransaction> onTerminated) {
        super(invite, destination, channel, scheduler, timers, listener, onTerminated);
    }

    public InviteClientState state() {
        return state;
    }

    @Override
    public boolean isTerminated() {
        return state == TERMINATED;
    }

    /** §17.1.1.2: send the INVITE; Timer A over UDP only, Timer B always. */
    @Override
    public void start() {
        transmit();
        if (state == TERMINATED) {
            return; // the transport failed at once
        }
        if (!reliable()) {
            timerAInterval = timers.timerA();
            timerA = scheduler.schedule(this::onTimerA, timerAInterval);
        }
        timerB = scheduler.schedule(this::onTimerB, timers.timerB());
    }

    @Override
    public void onResponse(SipResponse response) {
        switch (state) {
            case CALLING, PROCEEDING -> {
                if (response.isProvisional()) {
                    moveTo(PROCEEDING); // §17.1.1.2: no more retransmissions
                    cancel(timerA);
                    passUp(response);
                } else if (response.isSuccess()) {
                    moveTo(ACCEPTED); // RFC 6026 §8.4: 2xx -> Accepted, Timer M; the TU sends the ACK
                    cancelCallingTimers();
                    timerM = scheduler.schedule(this::onTimerM, timers.timerM());
                    passUp(response);
                } else {
                    moveTo(COMPLETED); // §17.1.1.2: 300-699 -> ACK, Completed, Timer D
                    cancelCallingTimers();
                    ack = send(FailureAck.build(request(), response));
                    passUp(response);
                    long d = timers.timerD(reliable());
                    if (d == 0) { // TCP: Timer D = 0
                        terminateNow();
                    } else {
                        timerD = scheduler.schedule(this::onTimerD, d);
                    }
                    watch(ack);
                }
            }
            case COMPLETED -> {
                if (response.status() >= 300) {
                    ack.resend(); // a retransmitted final response: ACK again, do not pass up
                }
            }
            case ACCEPTED -> {
                if (response.isSuccess()) {
                    passUp(response); // RFC 6026 §8.4: every 2xx goes to the TU, which ACKs it
                }
            }
            case TERMINATED -> { }
        }
    }

    /** Timer A: retransmit the INVITE, interval doubled (no cap: Timer B bounds it). */
    private void onTimerA() {
        if (state == CALLING) {
            retransmit();
            timerAInterval *= 2;
            timerA = scheduler.schedule(this::onTimerA, timerAInterval);
        }
    }

    /** Timer B: still Calling after 64*T1 — timeout to the TU (§17.1.1.2); in Proceeding the TU decides (§9.1). */
    private void onTimerB() {
        if (state == CALLING) {
            terminateWith(TransactionFailure.TIMEOUT);
        }
    }

    private void onTimerD() {
        if (state == COMPLETED) {
            terminateNow();
        }
    }

    private void onTimerM() {
        if (state == ACCEPTED) {
            terminateNow();
        }
    }

    @Override
    protected void onTransportError() {
        if (state == CALLING || state == PROCEEDING) {
            terminateWith(TransactionFailure.TRANSPORT_ERROR);
        } else if (state == COMPLETED) {
            terminateNow(); // the ACK could not be sent; the TU already has the final response
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
        cancelCallingTimers();
        cancel(timerD);
        cancel(timerM);
        notifyTerminated();
    }

    private void cancelCallingTimers() {
        cancel(timerA);
        cancel(timerB);
    }

    private void moveTo(InviteClientState next) {
        state = TRANSITIONS.transition(state, next);
    }
}
