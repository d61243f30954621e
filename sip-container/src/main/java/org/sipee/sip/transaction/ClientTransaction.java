package org.sipee.sip.transaction;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transport.SentMessage;

/**
 * A client transaction (RFC 3261 §17.1): sends a request, retransmits it over UDP, and passes the responses
 * that matter to its {@link ClientTransactionListener}. Used on the event loop only.
 */
public abstract sealed class ClientTransaction permits InviteClientTransaction, NonInviteClientTransaction {

    private static final System.Logger LOG = System.getLogger(ClientTransaction.class.getName());

    private final ClientTransactionKey key;
    private final SipRequest request;
    private final InetSocketAddress destination;
    private final RequestChannel channel;
    private final ClientTransactionListener listener;
    private final Consumer<ClientTransaction> onTerminated;
    protected final TimerScheduler scheduler;
    protected final SipTimers timers;
    private SentMessage sent = SentMessage.NOT_SENT;

    protected ClientTransaction(SipRequest request, InetSocketAddress destination, RequestChannel channel,
                                TimerScheduler scheduler, SipTimers timers, ClientTransactionListener listener,
                                Consumer<ClientTransaction> onTerminated) {
        this.key = ClientTransactionKey.of(request);
        this.request = request;
        this.destination = destination;
        this.channel = channel;
        this.scheduler = scheduler;
        this.timers = timers;
        this.listener = listener;
        this.onTerminated = onTerminated;
    }

    public ClientTransactionKey key() {
        return key;
    }

    /** The request as sent (with our top Via). */
    public SipRequest request() {
        return request;
    }

    public InetSocketAddress destination() {
        return destination;
    }

    /** Sends the request and starts the timers of the initial state. */
    public abstract void start();

    /** A response matched this transaction (§17.1.3). */
    public abstract void onResponse(SipResponse response);

    public abstract boolean isTerminated();

    /** Ends the transaction now, silently (stack shutdown, or the TU gives up on it): cancels its timers. */
    public abstract void terminate();

    /** True when the request went over a reliable transport: no retransmissions, Timers D and K are 0. */
    protected boolean reliable() {
        return sent.reliable();
    }

    /**
     * Sends the request. A transport error (§17.1.4: not routable, or {@link SentMessage#delivery()} failing,
     * e.g. TCP connect refused) reaches {@link #onTransportError()}, at once or later on the event loop.
     */
    protected void transmit() {
        sent = send(request);
        watch(sent);
    }

    /** Calls {@link #onTransportError()} if the first transmission of this message fails. */
    protected void watch(SentMessage message) {
        message.delivery().whenComplete((ok, error) -> {
            if (error != null) {
                LOG.log(Level.DEBUG, "transport error on {0}: {1}", key, error.toString());
                onTransportError();
            }
        });
    }

    /** §17.1.1.2, §17.1.2.2: the transport failed; the transaction terminates, reporting to the TU if it waits. */
    protected abstract void onTransportError();

    protected void retransmit() {
        sent.resend();
    }

    /** Sends another request of this transaction (the ACK for a 300-699) to the same destination. */
    protected SentMessage send(SipRequest other) {
        try {
            SentMessage result = channel.send(other, destination);
            return result == null ? SentMessage.NOT_SENT : result;
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "transport error sending " + other + " to " + destination, e);
            return SentMessage.NOT_SENT;
        }
    }

    protected void passUp(SipResponse response) {
        try {
            listener.onResponse(response);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "transaction user threw on " + response.startLine(), e);
        }
    }

    protected void fail(TransactionFailure failure) {
        try {
            listener.onFailure(failure);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "transaction user threw on " + failure, e);
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
