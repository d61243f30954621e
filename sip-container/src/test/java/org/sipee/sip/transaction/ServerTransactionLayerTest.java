package org.sipee.sip.transaction;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Matching per RFC 3261 §17.2.3 and the table's life cycle. */
class ServerTransactionLayerTest {

    private final TransactionFixtures f = new TransactionFixtures();
    private final List<String> events = new ArrayList<>();
    private final List<InviteServerTransaction> cancelled = new ArrayList<>();
    private final InetSocketAddress source = new InetSocketAddress("192.0.2.1", 5070);
    private final ServerTransactionLayer layer = new ServerTransactionLayer(f.channel, f.scheduler,
            TransactionFixtures.TIMERS, layerUser());

    @Test
    void inviteGets100AndRetransmissionsAreAbsorbed() {
        SipRequest invite = TransactionFixtures.request("INVITE", "z9hG4bKa");
        layer.onRequest(invite, source);
        layer.onRequest(TransactionFixtures.request("INVITE", "z9hG4bKa"), source);
        assertEquals(List.of("new INVITE"), events);
        assertEquals(List.of(100, 100), f.sentStatuses());
        assertEquals(1, layer.size());
    }

    @Test
    void cancelMatchesInviteByBranchAndAckForNon2xxIsAbsorbed() {
        layer.onRequest(TransactionFixtures.request("INVITE", "z9hG4bKa"), source);
        layer.onRequest(TransactionFixtures.request("CANCEL", "z9hG4bKa"), source);
        assertEquals(1, cancelled.size());
        InviteServerTransaction invite = cancelled.get(0);
        invite.sendResponse(TransactionFixtures.response(invite.request(), 487));
        layer.onRequest(TransactionFixtures.request("ACK", "z9hG4bKa"), source);
        assertEquals(List.of("new INVITE", "cancel"), events);
        assertEquals(InviteServerState.CONFIRMED, invite.state());
        layer.onRequest(TransactionFixtures.request("CANCEL", "z9hG4bKother"), source);
        assertNull(cancelled.get(1));
    }

    @Test
    void ackWithNewBranchGoesToTheUser() {
        layer.onRequest(TransactionFixtures.request("ACK", "z9hG4bKnew"), source);
        assertEquals(List.of("ack"), events);
        assertEquals(0, layer.size());
    }

    @Test
    void terminatedTransactionsLeaveTheTable() {
        layer.onRequest(TransactionFixtures.request("OPTIONS", "z9hG4bKo"), source);
        layer.onRequest(TransactionFixtures.request("INVITE", "z9hG4bKi"), source);
        assertEquals(2, layer.size());
        layer.shutdown();
        assertEquals(0, layer.size());
        assertEquals(0, f.scheduler.pending());
    }

    @Test
    void sameBranchDifferentMethodIsADifferentTransaction() {
        SipRequest options = TransactionFixtures.request("OPTIONS", "z9hG4bKs");
        assertSame(TransactionKey.of(options).branch(), TransactionKey.of(options).branch());
        layer.onRequest(options, source);
        layer.onRequest(TransactionFixtures.request("INFO", "z9hG4bKs"), source);
        assertEquals(List.of("new OPTIONS", "new INFO"), events);
    }

    @Test
    void aRefusedRequestGetsItsFinalResponseFromItsTransactionAndNeverReachesTheUser() {
        List<String> asked = new ArrayList<>();
        ServerTransactionLayer shedding = new ServerTransactionLayer(f.channel, f.scheduler, TransactionFixtures.TIMERS,
                layerUser(), (request, from) -> {
                    asked.add(request.method());
                    return new Refusal(503, "Service Unavailable", 7);
                });
        shedding.onRequest(TransactionFixtures.request("INVITE", "z9hG4bKshed"), source);
        shedding.onRequest(TransactionFixtures.request("INVITE", "z9hG4bKshed"), source);
        shedding.onRequest(TransactionFixtures.request("ACK", "z9hG4bKshed"), source);
        shedding.onRequest(TransactionFixtures.request("CANCEL", "z9hG4bKshed"), source);
        assertEquals(List.of("INVITE"), asked, "asked once: neither the retransmission, the ACK nor CANCEL");
        assertEquals(List.of("cancel"), events, "only the CANCEL reaches the user");
        assertEquals(List.of(503, 503, 200), f.sentStatuses(), "no 100 Trying; the retransmission gets the 503 again");
        SipResponse refusal = f.sent.get(0);
        assertEquals("7", refusal.header("Retry-After"));
        assertNotNull(refusal.to().tag(), "a final response carries a To tag (§8.2.6.2)");
    }

    private TransactionUser layerUser() {
        return new TransactionUser() {
            @Override
            public void onNewRequest(SipRequest request, InetSocketAddress from, ServerTransaction transaction) {
                events.add("new " + request.method());
            }

            @Override
            public void onCancel(SipRequest cancel, ServerTransaction cancelTransaction, InviteServerTransaction invite) {
                events.add("cancel");
                cancelled.add(invite);
                cancelTransaction.sendResponse(TransactionFixtures.response(cancel, 200));
            }

            @Override
            public void onAck(SipRequest ack, InetSocketAddress from) {
                events.add("ack");
            }
        };
    }
}
