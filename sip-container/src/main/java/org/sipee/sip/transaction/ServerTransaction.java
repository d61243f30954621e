package org.sipee.sip.transaction;

import java.util.function.Consumer;

import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

/** A server transaction (RFC 3261 §17.2): absorbs request retransmissions and delivers responses reliably. */
public abstract sealed class ServerTransaction permits InviteServerTransaction, NonInviteServerTransaction {

    private final TransactionKey key;
    private final SipRequest request;
    private final ResponseChannel channel;
    private final Consumer<ServerTransaction> onTerminated;
    protected final TimerScheduler scheduler;
    protected final SipTimers timers;
    private SipResponse lastResponse;

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

    public SipRequest request() {
        return request;
    }

    /** The most recent response sent, or null. */
    public SipResponse lastResponse() {
        return lastResponse;
    }

    public boolean hasFinalResponse() {
        return lastResponse != null && !lastResponse.isProvisional();
    }

    /** The transport delivered the request again (§17.2.1, §17.2.2). */
    public abstract void onRetransmittedRequest();

    /** The TU passes a response down; responses the current state does not allow are dropped. */
    public abstract void sendResponse(SipResponse response);

    public abstract boolean isTerminated();

    /** Ends the transaction now (stack shutdown): cancels its timers. */
    public abstract void terminate();

    protected void transmit(SipResponse response) {
        lastResponse = response;
        channel.send(response);
    }

    protected void retransmitLast() {
        if (lastResponse != null) {
            channel.send(lastResponse);
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
