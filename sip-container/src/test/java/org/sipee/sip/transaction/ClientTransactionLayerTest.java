package org.sipee.sip.transaction;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.message.Via;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Branches, matching (§17.1.3), CANCEL (§9.1) and the ACK for 2xx without a transaction. */
class ClientTransactionLayerTest {

    private static final InetSocketAddress LOCAL = new InetSocketAddress("192.0.2.1", 5080);

    private final ClientFixtures f = new ClientFixtures();
    private final ClientTransactionLayer layer = new ClientTransactionLayer(f.channel, f.scheduler,
            ClientFixtures.TIMERS, () -> LOCAL);

    private static SipRequest bare(String method) {
        SipRequest request = ClientFixtures.request(method);
        request.removeHeader("Via");
        return request;
    }

    @Test
    void eachRequestGetsANewRfc3261BranchInItsTopVia() {
        InviteClientTransaction a = layer.sendInvite(bare("INVITE"), ClientFixtures.PEER, f.listener);
        InviteClientTransaction b = layer.sendInvite(bare("INVITE"), ClientFixtures.PEER, f.listener);
        Via via = f.wire.get(0).topVia();
        assertTrue(via.branch().matches("z9hG4bK[0-9a-f]{16}"), via.branch());
        assertEquals("192.0.2.1:5080", via.sentBy());
        assertTrue(via.hasRport());
        assertNotEquals(a.key().branch(), b.key().branch());
        assertEquals(2, layer.size());
    }

    @Test
    void responsesMatchByBranchAndCSeqMethod() {
        InviteClientTransaction invite = layer.sendInvite(bare("INVITE"), ClientFixtures.PEER, f.listener);
        invite.onResponse(Responses.create(invite.request(), 180, "Ringing", "b1"));
        NonInviteClientTransaction cancel = layer.sendCancel(invite, f.listener);
        assertEquals(invite.key().branch(), cancel.key().branch(), "§9.1: CANCEL has the INVITE's branch");

        assertTrue(layer.onResponse(Responses.create(cancel.request(), 200, "OK", "b1"), ClientFixtures.PEER));
        assertEquals(NonInviteClientState.COMPLETED, cancel.state());
        assertEquals(InviteClientState.PROCEEDING, invite.state(), "a 200 to CANCEL is not the INVITE's");
        assertTrue(layer.onResponse(Responses.create(invite.request(), 487, "Request Terminated", "b1"),
                ClientFixtures.PEER));
        assertEquals(InviteClientState.COMPLETED, invite.state());

        SipResponse stray = Responses.create(ClientFixtures.request("INVITE"), 200, "OK", "x");
        assertFalse(layer.onResponse(stray, ClientFixtures.PEER));
    }

    @Test
    void cancelCopiesRequestUriCallIdFromToCSeqNumberAndRoutes() {
        InviteClientTransaction invite = layer.sendInvite(bare("INVITE"), ClientFixtures.PEER, f.listener);
        layer.sendCancel(invite, f.listener);
        SipRequest sentInvite = f.wire.get(0);
        SipRequest cancel = f.wire.get(1);
        assertEquals("CANCEL sip:bob@192.0.2.2:5062 SIP/2.0", cancel.startLine());
        assertEquals(List.of(sentInvite.topVia().toString()), cancel.headerValues("Via"));
        assertEquals(sentInvite.header("From"), cancel.header("From"));
        assertEquals(sentInvite.header("To"), cancel.header("To"));
        assertEquals(sentInvite.callId(), cancel.callId());
        assertEquals("7 CANCEL", cancel.header("CSeq"));
        assertEquals(sentInvite.headerValues("Route"), cancel.headerValues("Route"));
        assertEquals(ClientFixtures.PEER, f.destinations.get(1));
    }

    @Test
    void terminatedTransactionsLeaveTheTable() {
        NonInviteClientTransaction bye = layer.sendRequest(bare("BYE"), ClientFixtures.PEER, f.listener);
        layer.onResponse(Responses.create(bye.request(), 200, "OK", "b1"), ClientFixtures.PEER);
        assertEquals(1, layer.size());
        f.scheduler.advance(500); // Timer K
        assertEquals(0, layer.size());
    }

    @Test
    void ackFor2xxHasItsOwnBranchAndNoTransaction() {
        InviteClientTransaction invite = layer.sendInvite(bare("INVITE"), ClientFixtures.PEER, f.listener);
        layer.sendAck(bare("ACK"), ClientFixtures.PEER).resend();
        assertEquals(2, f.sent("ACK"));
        assertNotEquals(invite.key().branch(), f.wire.get(1).topVia().branch());
        assertEquals(1, layer.size());
    }

    @Test
    void inviteAndAckAreNotNonInviteRequests() {
        assertThrows(IllegalArgumentException.class, () -> layer.sendRequest(bare("INVITE"), ClientFixtures.PEER, f.listener));
        assertThrows(IllegalArgumentException.class, () -> layer.sendRequest(bare("ACK"), ClientFixtures.PEER, f.listener));
    }

    @Test
    void shutdownTerminatesEverythingSilently() {
        layer.sendInvite(bare("INVITE"), ClientFixtures.PEER, f.listener);
        layer.sendRequest(bare("BYE"), ClientFixtures.PEER, f.listener);
        layer.shutdown();
        assertEquals(0, layer.size());
        assertEquals(0, f.scheduler.pending());
        assertTrue(f.failures.isEmpty());
    }
}
