package org.sipee.sip.transaction;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.sipee.sip.transaction.NonInviteServerState.COMPLETED;
import static org.sipee.sip.transaction.NonInviteServerState.PROCEEDING;
import static org.sipee.sip.transaction.NonInviteServerState.TERMINATED;
import static org.sipee.sip.transaction.NonInviteServerState.TRYING;

/** One test per edge of RFC 3261 §17.2.2. */
class NonInviteServerTransactionTest {

    private final TransactionFixtures f = new TransactionFixtures();
    private final NonInviteServerTransaction tx = f.nonInvite("BYE");

    @Test
    void tryingAbsorbsRetransmissions() {
        tx.onRetransmittedRequest();
        assertEquals(TRYING, tx.state());
        assertEquals(List.of(), f.sentStatuses());
    }

    @Test
    void tryingToProceedingToCompleted() {
        tx.sendResponse(f.response(100));
        assertEquals(PROCEEDING, tx.state());
        tx.onRetransmittedRequest();
        tx.sendResponse(f.response(183));
        assertEquals(PROCEEDING, tx.state());
        tx.sendResponse(f.response(200));
        assertEquals(COMPLETED, tx.state());
        assertEquals(List.of(100, 100, 183, 200), f.sentStatuses());
    }

    @Test
    void completedRetransmitsFinalAndTerminatesOnTimerJ() {
        tx.sendResponse(f.response(200));
        tx.onRetransmittedRequest();
        tx.sendResponse(f.response(500)); // dropped
        assertEquals(List.of(200, 200), f.sentStatuses());
        f.scheduler.advance(64 * 100 - 1);
        assertEquals(COMPLETED, tx.state());
        f.scheduler.advance(1);
        assertEquals(TERMINATED, tx.state());
        assertEquals(List.of(tx), f.terminated);
    }

    @Test
    void shutdownFromTrying() {
        tx.terminate();
        assertEquals(TERMINATED, tx.state());
        assertFalse(NonInviteServerTransaction.TRANSITIONS.canTransition(COMPLETED, PROCEEDING));
    }
}
