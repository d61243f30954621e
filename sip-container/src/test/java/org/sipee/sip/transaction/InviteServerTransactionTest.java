package org.sipee.sip.transaction;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.sip.transaction.InviteServerState.ACCEPTED;
import static org.sipee.sip.transaction.InviteServerState.COMPLETED;
import static org.sipee.sip.transaction.InviteServerState.CONFIRMED;
import static org.sipee.sip.transaction.InviteServerState.PROCEEDING;
import static org.sipee.sip.transaction.InviteServerState.TERMINATED;

/** One test per edge of RFC 3261 §17.2.1 / RFC 6026 §7.1. */
class InviteServerTransactionTest {

    private final TransactionFixtures f = new TransactionFixtures();
    private final InviteServerTransaction tx = f.invite();

    @Test
    void proceedingSendsProvisionalsAndRetransmitsTheLastOne() {
        tx.sendResponse(f.response(100));
        tx.sendResponse(f.response(180));
        tx.onRetransmittedRequest();
        assertEquals(List.of(100, 180, 180), f.sentStatuses());
        assertEquals(PROCEEDING, tx.state());
    }

    @Test
    void proceedingTo2xxIsAcceptedUntilTimerL() {
        tx.sendResponse(f.response(200));
        assertEquals(ACCEPTED, tx.state());
        tx.onRetransmittedRequest(); // absorbed (RFC 6026)
        tx.sendResponse(f.response(200)); // TU retransmission passes
        assertFalse(tx.onAck(), "ACK for 2xx goes to the TU");
        assertEquals(List.of(200, 200), f.sentStatuses());
        f.scheduler.advance(64 * 100 - 1);
        assertEquals(ACCEPTED, tx.state());
        f.scheduler.advance(1);
        assertEquals(TERMINATED, tx.state());
        assertEquals(List.of(tx), f.terminated);
    }

    @Test
    void proceedingToCompletedRetransmitsOnTimerGWithBackoff() {
        tx.sendResponse(f.response(486));
        assertEquals(COMPLETED, tx.state());
        f.scheduler.advance(100); // G = T1
        assertEquals(2, f.sent.size());
        f.scheduler.advance(200); // 2*T1
        assertEquals(3, f.sent.size());
        f.scheduler.advance(400); // 4*T1 = T2
        assertEquals(4, f.sent.size());
        f.scheduler.advance(400); // capped at T2
        assertEquals(5, f.sent.size());
        tx.onRetransmittedRequest();
        assertEquals(6, f.sent.size());
        assertTrue(f.sent.stream().allMatch(r -> r.status() == 486));
    }

    @Test
    void completedWithoutAckTerminatesOnTimerH() {
        tx.sendResponse(f.response(486));
        f.scheduler.advance(64 * 100 - 1);
        assertEquals(COMPLETED, tx.state());
        f.scheduler.advance(1);
        assertEquals(TERMINATED, tx.state());
        assertEquals(0, f.scheduler.pending());
    }

    @Test
    void completedToConfirmedOnAckThenTerminatedOnTimerI() {
        tx.sendResponse(f.response(487));
        assertTrue(tx.onAck());
        assertEquals(CONFIRMED, tx.state());
        assertTrue(tx.onAck(), "retransmitted ACK absorbed");
        int sent = f.sent.size();
        f.scheduler.advance(499);
        assertEquals(sent, f.sent.size(), "no Timer G retransmissions once confirmed");
        assertEquals(CONFIRMED, tx.state());
        f.scheduler.advance(1); // Timer I = T4
        assertEquals(TERMINATED, tx.state());
        assertEquals(0, f.scheduler.pending());
    }

    @Test
    void terminateCancelsTimersAndNotifiesOnce() {
        tx.sendResponse(f.response(500));
        tx.terminate();
        tx.terminate();
        assertEquals(0, f.scheduler.pending());
        assertEquals(1, f.terminated.size());
        tx.sendResponse(f.response(200));
        assertEquals(1, f.sent.size(), "terminated transaction sends nothing");
    }

    @Test
    void transitionTableRefusesIllegalEdges() {
        assertTrue(InviteServerTransaction.TRANSITIONS.canTransition(PROCEEDING, ACCEPTED));
        assertFalse(InviteServerTransaction.TRANSITIONS.canTransition(COMPLETED, ACCEPTED));
        assertFalse(InviteServerTransaction.TRANSITIONS.canTransition(TERMINATED, PROCEEDING));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> InviteServerTransaction.TRANSITIONS.transition(CONFIRMED, COMPLETED));
        assertEquals("INVITE server transaction: illegal transition CONFIRMED -> COMPLETED", e.getMessage());
    }

    @Test
    void finishedTransactionLetsGoOfItsRequest() {
        tx.sendResponse(f.response(180));
        assertNotNull(tx.request(), "the TU may still answer: the request is kept");
        tx.sendResponse(f.response(486));
        assertNull(tx.request(), "lingering for Timer H only the encoded 486 is kept");
        tx.onRetransmittedRequest();
        assertEquals(List.of(180, 486, 486), f.sentStatuses());
    }

    @Test
    void finalResponseInCompletedIsDropped() {
        tx.sendResponse(f.response(486));
        tx.sendResponse(f.response(200));
        assertEquals(List.of(486), f.sentStatuses());
        assertEquals(COMPLETED, tx.state());
    }
}
