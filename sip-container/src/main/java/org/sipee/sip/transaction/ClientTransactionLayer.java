package org.sipee.sip.transaction;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transport.SentMessage;

/**
 * The client side of the transaction layer (RFC 3261 §17.1): gives each request we originate a new branch,
 * runs a client transaction for it and matches responses back by branch and CSeq method (§17.1.3).
 * Runs on the event loop; the table can be sized from any thread.
 */
public final class ClientTransactionLayer {

    private static final System.Logger LOG = System.getLogger(ClientTransactionLayer.class.getName());

    private final Map<ClientTransactionKey, ClientTransaction> table = new ConcurrentHashMap<>();
    private final RequestChannel channel;
    private final TimerScheduler scheduler;
    private final SipTimers timers;
    private final Supplier<InetSocketAddress> localAddress;

    /** @param localAddress our bound address, written into the top Via (the transport may rewrite it) */
    public ClientTransactionLayer(RequestChannel channel, TimerScheduler scheduler, SipTimers timers,
                                  Supplier<InetSocketAddress> localAddress) {
        this.channel = channel;
        this.scheduler = scheduler;
        this.timers = timers;
        this.localAddress = localAddress;
    }

    /** Adds a top Via with a new branch to the INVITE and starts its transaction (§17.1.1). */
    public InviteClientTransaction sendInvite(SipRequest invite, InetSocketAddress destination,
                                              ClientTransactionListener listener) {
        Branches.addTopVia(invite, localAddress.get());
        InviteClientTransaction tx = new InviteClientTransaction(invite, destination, channel, scheduler, timers,
                listener, this::remove);
        register(tx);
        return tx;
    }

    /** Adds a top Via with a new branch to a request other than INVITE and ACK and starts its transaction (§17.1.2). */
    public NonInviteClientTransaction sendRequest(SipRequest request, InetSocketAddress destination,
                                                  ClientTransactionListener listener) {
        if (request.isMethod("INVITE") || request.isMethod("ACK")) {
            throw new IllegalArgumentException(request.method() + " does not run in a non-INVITE transaction");
        }
        Branches.addTopVia(request, localAddress.get());
        return startNonInvite(request, destination, listener);
    }

    /** Sends a CANCEL for the INVITE (§9.1) with the INVITE's branch, to the INVITE's destination. */
    public NonInviteClientTransaction sendCancel(InviteClientTransaction invite, ClientTransactionListener listener) {
        return startNonInvite(CancelRequest.build(invite.request()), invite.destination(), listener);
    }

    /**
     * Sends the ACK for a 2xx: its own branch, no transaction (§13.2.2.4, §17.1.1.3). The result resends the
     * same ACK for each retransmitted 2xx; {@link SentMessage#NOT_SENT} when the transport could not send it.
     */
    public SentMessage sendAck(SipRequest ack, InetSocketAddress destination) {
        Branches.addTopVia(ack, localAddress.get());
        try {
            SentMessage sent = channel.send(ack, destination);
            return sent == null ? SentMessage.NOT_SENT : sent;
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "transport error sending " + ack + " to " + destination, e);
            return SentMessage.NOT_SENT;
        }
    }

    /** A response from the transport; returns false for a stray one (no matching transaction), which is dropped. */
    public boolean onResponse(SipResponse response, InetSocketAddress source) {
        if (response.headerValues(HeaderNames.VIA).size() != 1) { // §8.1.3.3: more than one Via: misrouted, discard
            LOG.log(Level.DEBUG, "dropping response with {0} Via values from {1}",
                    response.headerValues(HeaderNames.VIA).size(), source);
            return false;
        }
        ClientTransactionKey key = ClientTransactionKey.of(response);
        ClientTransaction tx = key == null ? null : table.get(key);
        if (tx == null) {
            LOG.log(Level.DEBUG, "dropping stray response {0} from {1}", response, source);
            return false;
        }
        tx.onResponse(response);
        return true;
    }

    public int size() {
        return table.size();
    }

    /** Terminates every transaction silently (stack shutdown). */
    public void shutdown() {
        List.copyOf(table.values()).forEach(ClientTransaction::terminate);
        table.clear();
    }

    private NonInviteClientTransaction startNonInvite(SipRequest request, InetSocketAddress destination,
                                                      ClientTransactionListener listener) {
        NonInviteClientTransaction tx = new NonInviteClientTransaction(request, destination, channel, scheduler,
                timers, listener, this::remove);
        register(tx);
        return tx;
    }

    private void register(ClientTransaction tx) {
        table.put(tx.key(), tx);
        tx.start();
    }

    private void remove(ClientTransaction tx) {
        table.remove(tx.key(), tx);
    }
}
