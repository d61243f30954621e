package org.sipee.sip.transaction;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.sip.transaction.ClientFixtures.response;
import static org.sipee.sip.transaction.NonInviteClientState.COMPLETED;
import static org.sipee.sip.transaction.NonInviteClientState.PROCEEDING;
import static org.sipee.sip.transaction.NonInviteClientState.TERMINATED;
import static org.sipee.sip.transaction.NonInviteClientState.TRYING;

/** One test per edge of RFC 3261 §17.1.2 Figure 6, asserting what goes on the wire. */
class NonInviteClientTransactionTest {

    private final ClientFixtures f = new ClientFixtures();

    @Test
    void tryingRetransmitsOnTimerEDoublingUpToT2() {
        NonInviteClientTransaction tx = f.nonInvite("BYE");
        assertEquals(TRYING, tx.state());
        f.scheduler.advance(100); // E = T1
        assertEquals(2, f.sent("BYE"));
        f.scheduler.advance(200); // 2*T1
        assertEquals(3, f.sent("BYE"));
        f.scheduler.advance(400); // 4*T1 = T2
        assertEquals(4, f.sent("BYE"));
        f.scheduler.advance(399); // capped at T2
        assertEquals(4, f.sent("BYE"));
        f.scheduler.advance(1);
        assertEquals(5, f.sent("BYE"));
    }

    @Test
    void tryingToProceedingOn1xxRetransmitsAtT2() {
        NonInviteClientTransaction tx = f.nonInvite("BYE");
        tx.onResponse(response(tx, 100, null));
        assertEquals(PROCEEDING, tx.state());
        assertEquals(List.of(100), f.passedUpStatuses());
        f.scheduler.advance(100); // the pending Timer E (T1) fires, then E = T2
        assertEquals(2, f.sent("BYE"));
        f.scheduler.advance(399);
        assertEquals(2, f.sent("BYE"));
        f.scheduler.advance(1);
        assertEquals(3, f.sent("BYE"));
        tx.onResponse(response(tx, 180, null));
        assertEquals(PROCEEDING, tx.state(), "Proceeding -> Proceeding on 1xx");
        assertEquals(List.of(100, 180), f.passedUpStatuses());
    }

    @Test
    void tryingToCompletedOnFinalThenTerminatedOnTimerK() {
        NonInviteClientTransaction tx = f.nonInvite("BYE");
        SipResponse ok = response(tx, 200, "b1");
        tx.onResponse(ok);
        assertEquals(COMPLETED, tx.state());
        tx.onResponse(ok); // retransmission absorbed
        assertEquals(List.of(200), f.passedUpStatuses());
        f.scheduler.advance(499);
        assertEquals(1, f.sent("BYE"), "no retransmission in Completed");
        assertEquals(COMPLETED, tx.state());
        f.scheduler.advance(1); // Timer K = T4
        assertEquals(TERMINATED, tx.state());
        assertEquals(List.of(tx), f.terminated);
        assertEquals(0, f.scheduler.pending());
    }

    @Test
    void proceedingToCompletedOnFinal() {
        NonInviteClientTransaction tx = f.nonInvite("CANCEL");
        tx.onResponse(response(tx, 100, null));
        tx.onResponse(response(tx, 481, "b1"));
        assertEquals(COMPLETED, tx.state());
        assertEquals(List.of(100, 481), f.passedUpStatuses());
    }

    @Test
    void tryingToTerminatedOnTimerFReportsTimeout() {
        NonInviteClientTransaction tx = f.nonInvite("BYE");
        f.scheduler.advance(64 * 100 - 1);
        assertEquals(TRYING, tx.state());
        f.scheduler.advance(1); // Timer F = 64*T1
        assertEquals(TERMINATED, tx.state());
        assertEquals(List.of(TransactionFailure.TIMEOUT), f.failures);
        assertEquals(0, f.scheduler.pending());
    }

    @Test
    void proceedingToTerminatedOnTimerF() {
        NonInviteClientTransaction tx = f.nonInvite("BYE");
        tx.onResponse(response(tx, 100, null));
        f.scheduler.advance(64 * 100);
        assertEquals(TERMINATED, tx.state());
        assertEquals(List.of(TransactionFailure.TIMEOUT), f.failures);
    }

    @Test
    void reliableTransportHasNoTimerEAndNoTimerK() {
        f.reliable = true;
        NonInviteClientTransaction tx = f.nonInvite("BYE");
        f.scheduler.advance(64 * 100 - 1);
        assertEquals(1, f.sent("BYE"));
        tx.onResponse(response(tx, 200, "b1"));
        assertEquals(TERMINATED, tx.state(), "Timer K = 0 over TCP");
    }

    @Test
    void tryingToTerminatedOnTransportError() {
        f.unroutable = true;
        NonInviteClientTransaction tx = f.nonInvite("BYE");
        assertEquals(TERMINATED, tx.state());
        assertEquals(List.of(TransactionFailure.TRANSPORT_ERROR), f.failures);
        assertEquals(0, f.scheduler.pending());
    }

    @Test
    void transitionTableRefusesIllegalEdges() {
        assertTrue(NonInviteClientTransaction.TRANSITIONS.canTransition(TRYING, COMPLETED));
        assertFalse(NonInviteClientTransaction.TRANSITIONS.canTransition(COMPLETED, PROCEEDING));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NonInviteClientTransaction.TRANSITIONS.transition(COMPLETED, TRYING));
        assertEquals("non-INVITE client transaction: illegal transition COMPLETED -> TRYING", e.getMessage());
    }
}
