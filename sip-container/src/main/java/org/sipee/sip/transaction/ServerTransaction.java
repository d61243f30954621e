package org.sipee.sip.transaction;

import java.util.function.Consumer;

import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transport.SentMessage;

/** A server transaction (RFC 3261 §17.2): absorbs request retransmissions and delivers responses reliably. */
public abstract sealed class ServerTransaction permits InviteServerTransaction, NonInviteServerTransaction {

    private final TransactionKey key;
    private SipRequest request;
    private final ResponseChannel channel;
    private final Consumer<ServerTransaction> onTerminated;
    protected final TimerScheduler scheduler;
    protected final SipTimers timers;
    private SentMessage lastSent;
    private int lastStatus;

    protected ServerTransaction(TransactionKey key, SipRequest request, ResponseChannel channel,
                                TimerScheduler scheduler, SipTimers timers, Consumer<ServerTransaction> onTerminated) {
        this.key = key;
        this.request = request;
        this.channel = channel;
        this.scheduler = scheduler;
        this.timers = timers;
        this.onTerminated = onTerminated;
    }

    public TransactionKey key() {
        return key;
    }

    /**
     * The request, until a final response is sent. After that the transaction keeps only its key and the
     * encoded response: a finished transaction lingers for 64*T1 (Timers H, J, L), so it must be small.
     */
    public SipRequest request() {
        return request;
    }

    /** Status of the most recent response sent, 0 before any. */
    public int lastStatus() {
        return lastStatus;
    }

    public boolean hasFinalResponse() {
        return lastStatus >= 200;
    }

    /** The transport delivered the request again (§17.2.1, §17.2.2). */
    public abstract void onRetransmittedRequest();

    /** The TU passes a response down; responses the current state does not allow are dropped. */
    public abstract void sendResponse(SipResponse response);

    public abstract boolean isTerminated();

    /** Ends the transaction now (stack shutdown): cancels its timers. */
    public abstract void terminate();

    protected void transmit(SipResponse response) {
        lastStatus = response.status();
        lastSent = channel.send(response);
        if (!response.isProvisional()) {
            request = null;
        }
    }

    /**
     * Sends a response the transaction itself never retransmits (a 2xx in Accepted: the TU does, RFC 6026 §7.1), so
     * that a transaction lingering for Timer L holds no encoded copy of it.
     */
    protected void transmitOnce(SipResponse response) {
        transmit(response);
        lastSent = null;
    }

    protected void retransmitLast() {
        if (lastSent != null) {
            lastSent.resend();
        }
    }

    protected void notifyTerminated() {
        onTerminated.accept(this);
    }

    protected static void cancel(TimerScheduler.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
