package org.sipee.sip.transaction;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transport.SentMessage;

/** A recording request channel and TU for client transaction tests. T1 = 100, T2 = 400, T4 = 500 ms. */
final class ClientFixtures {

    static final SipTimers TIMERS = new SipTimers(100, 400, 500);
    static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.2", 5062);

    final ManualScheduler scheduler = new ManualScheduler();
    /** Every request as it goes on the wire, again for each resend. */
    final List<SipRequest> wire = new ArrayList<>();
    final List<InetSocketAddress> destinations = new ArrayList<>();
    final List<SipResponse> passedUp = new ArrayList<>();
    final List<TransactionFailure> failures = new ArrayList<>();
    final List<ClientTransaction> terminated = new ArrayList<>();
    boolean reliable;
    boolean unroutable;
    /** When set, the delivery of the next message stays pending until the test completes it. */
    CompletableFuture<Void> pendingDelivery;

    final RequestChannel channel = (request, destination) -> {
        if (unroutable) {
            return SentMessage.NOT_SENT;
        }
        wire.add(request);
        destinations.add(destination);
        boolean tcp = reliable;
        CompletionStage<Void> delivery = pendingDelivery != null ? pendingDelivery : CompletableFuture.completedFuture(null);
        return new SentMessage() {
            @Override
            public void resend() {
                wire.add(request);
            }

            @Override
            public boolean reliable() {
                return tcp;
            }

            @Override
            public CompletionStage<Void> delivery() {
                return delivery;
            }
        };
    };

    final ClientTransactionListener listener = new ClientTransactionListener() {
        @Override
        public void onResponse(SipResponse response) {
            passedUp.add(response);
        }

        @Override
        public void onFailure(TransactionFailure failure) {
            failures.add(failure);
        }
    };

    static SipRequest request(String method) {
        String text = method + " sip:bob@192.0.2.2:5062 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.1:5080;branch=z9hG4bKclient1;rport\r\n"
                + "Route: <sip:proxy1.example.com;lr>\r\nRoute: <sip:proxy2.example.com;lr>\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:alice@example.com>;tag=a1\r\nTo: <sip:bob@example.com>\r\n"
                + "Call-ID: c1@example.com\r\nCSeq: 7 " + method + "\r\nContent-Length: 0\r\n\r\n";
        return (SipRequest) SipParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    InviteClientTransaction invite() {
        InviteClientTransaction tx = new InviteClientTransaction(request("INVITE"), PEER, channel, scheduler, TIMERS,
                listener, terminated::add);
        tx.start();
        return tx;
    }

    NonInviteClientTransaction nonInvite(String method) {
        NonInviteClientTransaction tx = new NonInviteClientTransaction(request(method), PEER, channel, scheduler,
                TIMERS, listener, terminated::add);
        tx.start();
        return tx;
    }

    static SipResponse response(ClientTransaction tx, int status, String toTag) {
        return Responses.create(tx.request(), status, "Test", toTag);
    }

    long sent(String method) {
        return wire.stream().filter(r -> r.isMethod(method)).count();
    }

    List<Integer> passedUpStatuses() {
        return passedUp.stream().map(SipResponse::status).toList();
    }

    static java.io.IOException transportError() {
        return new java.io.IOException("connection refused");
    }
}
