package org.sipee.sip.transaction;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.sip.transaction.ClientFixtures.response;
import static org.sipee.sip.transaction.InviteClientState.ACCEPTED;
import static org.sipee.sip.transaction.InviteClientState.CALLING;
import static org.sipee.sip.transaction.InviteClientState.COMPLETED;
import static org.sipee.sip.transaction.InviteClientState.PROCEEDING;
import static org.sipee.sip.transaction.InviteClientState.TERMINATED;

/** One test per edge of RFC 3261 §17.1.1 Figure 5 / RFC 6026 §7.2, asserting what goes on the wire. */
class InviteClientTransactionTest {

    private final ClientFixtures f = new ClientFixtures();

    @Test
    void callingRetransmitsOnTimerAWithDoublingIntervals() {
        InviteClientTransaction tx = f.invite();
        assertEquals(CALLING, tx.state());
        assertEquals(1, f.sent("INVITE"));
        assertEquals(ClientFixtures.PEER, f.destinations.get(0));
        f.scheduler.advance(100); // A = T1
        assertEquals(2, f.sent("INVITE"));
        f.scheduler.advance(200); // 2*T1
        assertEquals(3, f.sent("INVITE"));
        f.scheduler.advance(399); // 4*T1 not yet
        assertEquals(3, f.sent("INVITE"));
        f.scheduler.advance(1);
        assertEquals(4, f.sent("INVITE"));
        f.scheduler.advance(800); // 8*T1: no cap at T2 for INVITE
        assertEquals(5, f.sent("INVITE"));
    }

    @Test
    void callingToTerminatedOnTimerBReportsTimeout() {
        InviteClientTransaction tx = f.invite();
        f.scheduler.advance(64 * 100 - 1);
        assertEquals(CALLING, tx.state());
        assertEquals(7, f.sent("INVITE"), "retransmitted at 100, 300, 700, 1500, 3100, 6300 ms");
        f.scheduler.advance(1); // Timer B = 64*T1
        assertEquals(TERMINATED, tx.state());
        assertEquals(List.of(TransactionFailure.TIMEOUT), f.failures);
        assertEquals(408, f.failures.get(0).status());
        assertEquals(List.of(tx), f.terminated);
        assertEquals(0, f.scheduler.pending());
    }

    @Test
    void callingToProceedingOn1xxStopsRetransmissionsAndTimerB() {
        InviteClientTransaction tx = f.invite();
        tx.onResponse(response(tx, 100, null));
        tx.onResponse(response(tx, 180, "b1"));
        assertEquals(PROCEEDING, tx.state());
        assertEquals(List.of(100, 180), f.passedUpStatuses());
        f.scheduler.advance(64 * 100 * 2);
        assertEquals(1, f.sent("INVITE"), "no Timer A in Proceeding");
        assertEquals(PROCEEDING, tx.state(), "Timer B only fires in Calling");
        assertTrue(f.failures.isEmpty());
    }

    @Test
    void callingToCompletedOnFailureSendsAckBuiltByTheTransaction() {
        InviteClientTransaction tx = f.invite();
        tx.onResponse(response(tx, 486, "b1"));
        assertEquals(COMPLETED, tx.state());
        assertEquals(List.of(486), f.passedUpStatuses());
        SipRequest ack = f.wire.get(1);
        assertEquals("ACK sip:bob@192.0.2.2:5062 SIP/2.0", ack.startLine(), "§17.1.1.3: the INVITE's Request-URI");
        assertEquals(tx.request().topVia().toString(), ack.header("Via"), "same branch as the INVITE");
        assertEquals(1, ack.headerValues("Via").size());
        assertEquals("<sip:bob@example.com>;tag=b1", ack.header("To"), "To of the response, with its tag");
        assertEquals("<sip:alice@example.com>;tag=a1", ack.header("From"));
        assertEquals("c1@example.com", ack.callId());
        assertEquals("7 ACK", ack.header("CSeq"));
        assertEquals(List.of("<sip:proxy1.example.com;lr>", "<sip:proxy2.example.com;lr>"), ack.headerValues("Route"));
        assertEquals(ClientFixtures.PEER, f.destinations.get(1));
        f.scheduler.advance(1000);
        assertEquals(1, f.sent("INVITE"), "no retransmissions in Completed");
    }

    @Test
    void proceedingToCompletedOnFailure() {
        InviteClientTransaction tx = f.invite();
        tx.onResponse(response(tx, 183, "b1"));
        tx.onResponse(response(tx, 487, "b1"));
        assertEquals(COMPLETED, tx.state());
        assertEquals(List.of(183, 487), f.passedUpStatuses());
        assertEquals(1, f.sent("ACK"));
    }

    @Test
    void completedResendsTheAckForEachRetransmittedFinalWithoutPassingItUp() {
        InviteClientTransaction tx = f.invite();
        SipResponse busy = response(tx, 486, "b1");
        tx.onResponse(busy);
        tx.onResponse(busy);
        tx.onResponse(busy);
        assertEquals(3, f.sent("ACK"));
        assertEquals(List.of(486), f.passedUpStatuses());
    }

    @Test
    void completedToTerminatedOnTimerD() {
        InviteClientTransaction tx = f.invite();
        tx.onResponse(response(tx, 503, "b1"));
        f.scheduler.advance(32_000 - 1); // Timer D: 32 s over UDP
        assertEquals(COMPLETED, tx.state());
        f.scheduler.advance(1);
        assertEquals(TERMINATED, tx.state());
        assertEquals(List.of(tx), f.terminated);
        assertTrue(f.failures.isEmpty());
    }

    @Test
    void callingToAcceptedOn2xxPassesEvery2xxUpUntilTimerM() {
        InviteClientTransaction tx = f.invite();
        SipResponse ok = response(tx, 200, "b1");
        tx.onResponse(ok);
        assertEquals(ACCEPTED, tx.state());
        tx.onResponse(ok);                        // retransmission
        tx.onResponse(response(tx, 200, "b2"));   // another fork
        tx.onResponse(response(tx, 486, "b3"));   // not a 2xx: dropped
        assertEquals(List.of(200, 200, 200), f.passedUpStatuses());
        assertEquals(0, f.sent("ACK"), "the ACK for a 2xx is the TU's (§13.2.2.4)");
        f.scheduler.advance(64 * 100 - 1);
        assertEquals(1, f.sent("INVITE"), "no retransmission after the 2xx");
        assertEquals(ACCEPTED, tx.state());
        f.scheduler.advance(1); // Timer M = 64*T1
        assertEquals(TERMINATED, tx.state());
        assertTrue(f.failures.isEmpty());
    }

    @Test
    void proceedingToAcceptedOn2xx() {
        InviteClientTransaction tx = f.invite();
        tx.onResponse(response(tx, 180, "b1"));
        tx.onResponse(response(tx, 200, "b1"));
        assertEquals(ACCEPTED, tx.state());
    }

    @Test
    void reliableTransportHasNoTimerAAndNoTimerD() {
        f.reliable = true;
        InviteClientTransaction tx = f.invite();
        f.scheduler.advance(64 * 100 - 1);
        assertEquals(1, f.sent("INVITE"), "TCP: no retransmissions (§17.1.1.2)");
        tx.onResponse(response(tx, 486, "b1"));
        assertEquals(1, f.sent("ACK"));
        assertEquals(TERMINATED, tx.state(), "Timer D = 0 over TCP");
    }

    @Test
    void reliableTransportStillTimesOutOnTimerB() {
        f.reliable = true;
        InviteClientTransaction tx = f.invite();
        f.scheduler.advance(64 * 100);
        assertEquals(TERMINATED, tx.state());
        assertEquals(List.of(TransactionFailure.TIMEOUT), f.failures);
        assertEquals(1, f.sent("INVITE"));
    }

    @Test
    void callingToTerminatedOnTransportErrorAtOnce() {
        f.unroutable = true;
        InviteClientTransaction tx = f.invite();
        assertEquals(TERMINATED, tx.state());
        assertEquals(List.of(TransactionFailure.TRANSPORT_ERROR), f.failures);
        assertEquals(503, f.failures.get(0).status());
        assertEquals(0, f.scheduler.pending());
    }

    @Test
    void proceedingToTerminatedOnLateTransportError() {
        f.pendingDelivery = new CompletableFuture<>();
        InviteClientTransaction tx = f.invite();
        tx.onResponse(response(tx, 100, null));
        f.pendingDelivery.completeExceptionally(ClientFixtures.transportError()); // e.g. TCP connection lost
        assertEquals(TERMINATED, tx.state());
        assertEquals(List.of(TransactionFailure.TRANSPORT_ERROR), f.failures);
        assertEquals(0, f.scheduler.pending());
    }

    @Test
    void terminateCancelsTimersSilentlyAndNotifiesOnce() {
        InviteClientTransaction tx = f.invite();
        tx.terminate();
        tx.terminate();
        assertEquals(0, f.scheduler.pending());
        assertEquals(1, f.terminated.size());
        assertTrue(f.failures.isEmpty());
        tx.onResponse(response(tx, 200, "b1"));
        assertTrue(f.passedUp.isEmpty(), "terminated transaction passes nothing up");
    }

    @Test
    void transitionTableRefusesIllegalEdges() {
        assertTrue(InviteClientTransaction.TRANSITIONS.canTransition(CALLING, ACCEPTED));
        assertFalse(InviteClientTransaction.TRANSITIONS.canTransition(COMPLETED, ACCEPTED));
        assertFalse(InviteClientTransaction.TRANSITIONS.canTransition(ACCEPTED, COMPLETED));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> InviteClientTransaction.TRANSITIONS.transition(TERMINATED, CALLING));
        assertEquals("INVITE client transaction: illegal transition TERMINATED -> CALLING", e.getMessage());
    }
}
