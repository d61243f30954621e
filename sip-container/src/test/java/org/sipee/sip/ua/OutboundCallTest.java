package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.sip.ua.UaHarness.response;

/** The caller's side (RFC 3261 §13.2, §9.1, §15) over a recording channel, asserting what goes on the wire. */
class OutboundCallTest {

    private static final InetSocketAddress BOB = new InetSocketAddress("192.0.2.2", 5062);
    private static final InetSocketAddress BOB2 = new InetSocketAddress("192.0.2.3", 5062);

    private final UaHarness h = new UaHarness();

    @Test
    void inviteOutsideADialog() {
        OutboundCall call = h.call();
        SipRequest invite = h.last("INVITE");
        assertEquals("INVITE sip:bob@192.0.2.2:5062 SIP/2.0", invite.startLine());
        assertEquals(BOB, h.destinationOf(invite));
        assertEquals("\"Alice\" <sip:alice@192.0.2.1>", invite.from().displayName() + " <" + invite.from().uri() + ">");
        assertEquals(call.localTag(), invite.from().tag());
        assertTrue(call.localTag().length() >= 8);
        assertEquals("<sip:bob@192.0.2.2:5062>", invite.header("To"));
        assertEquals(call.callId(), invite.callId());
        assertEquals("1 INVITE", invite.header("CSeq"));
        assertEquals("70", invite.header("Max-Forwards"));
        assertEquals("<sip:192.0.2.1:5080>", invite.header("Contact"));
        assertTrue(invite.topVia().branch().startsWith("z9hG4bK"));
        assertEquals("application/sdp", invite.header("Content-Type"));
        assertEquals(UaHarness.SDP, new String(invite.body()));
    }

    @Test
    void ringingAnsweredAckedThenHungUpWithBye() {
        OutboundCall call = h.call();
        SipRequest invite = h.last("INVITE");
        h.receive(response(invite, 100, null));
        h.receive(response(invite, 180, "b1"));
        SipResponse ok = response(invite, 200, "b1");
        h.receive(ok);
        assertEquals(List.of("provisional 180", "answered sdp"), h.events);

        SipRequest ack = h.last("ACK"); // §13.2.2.4: built by the dialog, sent without a transaction
        assertEquals("ACK sip:bob@192.0.2.2:5062 SIP/2.0", ack.startLine(), "Request-URI = remote target (Contact)");
        assertEquals("1 ACK", ack.header("CSeq"), "the INVITE's CSeq number");
        assertEquals("b1", ack.to().tag());
        assertEquals(call.localTag(), ack.from().tag());
        assertEquals(invite.callId(), ack.callId());
        assertNotEquals(invite.topVia().branch(), ack.topVia().branch(), "the ACK for a 2xx is a new transaction");
        assertEquals(BOB, h.destinationOf(ack));

        h.receive(ok); // retransmitted 2xx: ACK again, nothing new for the application
        assertEquals(2, h.sent("ACK").size());
        assertSame(ack, h.last("ACK"));
        assertEquals(2, h.events.size());

        call.hangUp();
        SipRequest bye = h.last("BYE");
        assertEquals("BYE sip:bob@192.0.2.2:5062 SIP/2.0", bye.startLine());
        assertEquals("2 BYE", bye.header("CSeq"), "§12.2.1.1: local CSeq + 1");
        assertEquals("b1", bye.to().tag());
        assertEquals(call.localTag(), bye.from().tag());
        assertEquals(BOB, h.destinationOf(bye));
        assertEquals("ended LOCAL_BYE", h.events.get(2));
        h.receive(response(bye, 200, "b1"));
        assertEquals(1, h.sent("BYE").size(), "the 200 stops Timer E");
        assertEquals(0, h.dialogs.size());
        assertEquals(0, h.uac.liveCalls());
        h.scheduler.advance(64 * 100);
        assertEquals(0, h.clientTransactions.size());
    }

    @Test
    void busyIsAckedByTheTransactionAndReportedAsFailed() {
        h.call();
        SipRequest invite = h.last("INVITE");
        h.receive(response(invite, 486, "b1"));
        SipRequest ack = h.last("ACK");
        assertEquals(invite.topVia().branch(), ack.topVia().branch(), "§17.1.1.3: same branch as the INVITE");
        assertEquals("1 ACK", ack.header("CSeq"));
        assertEquals("b1", ack.to().tag());
        assertEquals(List.of("failed 486"), h.events);
        assertEquals(0, h.uac.liveCalls());
    }

    @Test
    void forkedCallConfirmsTheFirst2xxAndByesALate2xxFromAnotherBranch() {
        h.call();
        SipRequest invite = h.last("INVITE");
        h.receive(response(invite, 180, "b1"));
        h.receive(response(invite, 183, "b2"));
        assertEquals(2, h.dialogs.size(), "two early dialogs");
        assertEquals(List.of("provisional 180", "provisional 183 sdp"), h.events);

        h.receive(response(invite, 200, "b1"));
        assertEquals("b1", h.last("ACK").to().tag());
        h.receive(response(invite, 200, "b2"));

        List<SipRequest> acks = h.sent("ACK");
        assertEquals(2, acks.size());
        assertEquals("b2", acks.get(1).to().tag(), "the late 2xx is ACKed...");
        assertEquals(BOB2, h.destinationOf(acks.get(1)));
        SipRequest bye = h.last("BYE");
        assertEquals("b2", bye.to().tag(), "...and its dialog ended with BYE (§13.2.2.4)");
        assertEquals("BYE sip:bob@192.0.2.3:5062 SIP/2.0", bye.startLine());
        assertEquals(BOB2, h.destinationOf(bye));
        assertEquals(List.of("provisional 180", "provisional 183 sdp", "answered sdp"), h.events);
        assertEquals(1, h.dialogs.size(), "only the answered dialog is left");
    }

    @Test
    void earlyDialogsWithout2xxEnd64T1AfterTheFirst2xx() {
        h.call();
        SipRequest invite = h.last("INVITE");
        h.receive(response(invite, 180, "b1"));
        h.receive(response(invite, 180, "b2"));
        h.receive(response(invite, 200, "b1"));
        assertEquals(2, h.dialogs.size());
        h.scheduler.advance(64 * 100);
        assertEquals(1, h.dialogs.size());
    }

    @Test
    void cancelAfterRingingSendsCancelThenAcksThe487() {
        OutboundCall call = h.call();
        SipRequest invite = h.last("INVITE");
        h.receive(response(invite, 180, "b1"));
        call.cancel();
        SipRequest cancel = h.last("CANCEL");
        assertEquals("CANCEL sip:bob@192.0.2.2:5062 SIP/2.0", cancel.startLine());
        assertEquals(invite.topVia().toString(), cancel.header("Via"), "§9.1: the INVITE's branch");
        assertEquals("1 CANCEL", cancel.header("CSeq"));
        assertNull(cancel.to().tag(), "§9.1: To as in the INVITE");
        assertEquals(BOB, h.destinationOf(cancel));

        h.receive(response(cancel, 200, "b1"));
        h.receive(response(invite, 487, "b1"));
        SipRequest ack = h.last("ACK");
        assertEquals(invite.topVia().branch(), ack.topVia().branch());
        assertEquals(List.of("provisional 180", "failed 487"), h.events);
        assertEquals(0, h.dialogs.size());
        assertEquals(1, h.sent("CANCEL").size());
    }

    @Test
    void cancelBeforeAnyProvisionalWaitsForOne() {
        OutboundCall call = h.call();
        SipRequest invite = h.last("INVITE");
        call.cancel();
        assertTrue(h.sent("CANCEL").isEmpty(), "§9.1: no CANCEL before a provisional response");
        h.receive(response(invite, 100, null));
        assertEquals(1, h.sent("CANCEL").size());
        h.receive(response(invite, 487, "b1"));
        assertEquals(List.of("failed 487"), h.events);
    }

    @Test
    void a2xxThatCrossedTheCancelIsAckedAndByed() {
        OutboundCall call = h.call();
        SipRequest invite = h.last("INVITE");
        h.receive(response(invite, 180, "b1"));
        call.cancel();
        h.receive(response(invite, 200, "b1"));
        assertEquals(1, h.sent("ACK").size());
        assertEquals("2 BYE", h.last("BYE").header("CSeq"));
        assertEquals(List.of("provisional 180", "failed 487"), h.events);
    }

    @Test
    void hangUpInAnEarlyDialogSendsByeThenAcksThe487() {
        OutboundCall call = h.call();
        SipRequest invite = h.last("INVITE");
        h.receive(response(invite, 180, "b1"));
        call.hangUp();
        SipRequest bye = h.last("BYE");
        assertEquals("b1", bye.to().tag());
        assertEquals("2 BYE", bye.header("CSeq"));
        assertTrue(h.sent("CANCEL").isEmpty());
        h.receive(response(invite, 487, "b1"));
        assertEquals(1, h.sent("ACK").size());
        assertEquals(List.of("provisional 180", "failed 487"), h.events);
    }

    @Test
    void noAnswerAtAllIs408OnTimerB() {
        h.call();
        h.scheduler.advance(64 * 100);
        assertEquals(7, h.sent("INVITE").size(), "Timer A retransmissions over UDP");
        assertEquals(List.of("failed 408"), h.events);
        assertEquals(0, h.uac.liveCalls());
    }

    @Test
    void overTcpNoTimerARetransmissions() {
        h.reliable = true;
        h.call();
        h.scheduler.advance(64 * 100 - 1);
        assertEquals(1, h.sent("INVITE").size());
        h.scheduler.advance(1);
        assertEquals(List.of("failed 408"), h.events);
    }

    @Test
    void calleeHangsUpWithBye() {
        OutboundCall call = h.call();
        SipRequest invite = h.last("INVITE");
        h.receive(response(invite, 200, "b1"));
        h.receive(UaHarness.parse("""
                BYE sip:alice@192.0.2.1:5080 SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.2:5062;branch=z9hG4bKbye1
                From: <sip:bob@192.0.2.2:5062>;tag=b1
                To: "Alice" <sip:alice@192.0.2.1>;tag=%s
                Call-ID: %s
                CSeq: 1 BYE
                Content-Length: 0

                """.formatted(call.localTag(), call.callId())));
        assertEquals(200, h.responses.get(h.responses.size() - 1).status());
        assertEquals(List.of("answered sdp", "ended REMOTE_BYE"), h.events);
        assertEquals(0, h.dialogs.size());
        call.hangUp(); // ignored: the call is over
        assertTrue(h.sent("BYE").isEmpty());
    }

    @Test
    void inDialogRequestsFollowTheRouteSet() {
        OutboundCall call = h.call();
        SipRequest invite = h.last("INVITE");
        // Record-Route as the callee returns it: proxy nearest the callee first (§12.1.2 reverses it)
        h.receive(response(invite, 200, "b1", "<sip:192.0.2.20:5070;lr>", "<sip:192.0.2.10:5090;lr>"));
        SipRequest ack = h.last("ACK");
        assertEquals(List.of("<sip:192.0.2.10:5090;lr>", "<sip:192.0.2.20:5070;lr>"), ack.headerValues("Route"));
        assertEquals("ACK sip:bob@192.0.2.2:5062 SIP/2.0", ack.startLine(), "loose routing keeps the remote target");
        assertEquals(new InetSocketAddress("192.0.2.10", 5090), h.destinationOf(ack), "to the first route");
        call.hangUp();
        SipRequest bye = h.last("BYE");
        assertEquals(ack.headerValues("Route"), bye.headerValues("Route"));
        assertEquals(new InetSocketAddress("192.0.2.10", 5090), h.destinationOf(bye));
    }

    @Test
    void transportErrorIs503() {
        UaHarness broken = new UaHarness();
        OutboundCall call = new UserAgent(new UacSetup(Runnable::run, broken.scheduler, UaHarness.TIMERS,
                new org.sipee.sip.transaction.ClientTransactionLayer(
                        (request, destination) -> org.sipee.sip.transport.SentMessage.NOT_SENT,
                        broken.scheduler, UaHarness.TIMERS, () -> UaHarness.LOCAL),
                broken.dialogs, () -> UaHarness.LOCAL))
                .call("sip:alice@192.0.2.1", "sip:bob@192.0.2.2", null, broken.listener);
        assertEquals(List.of("failed 503"), broken.events);
        assertTrue(call.callId().endsWith("@192.0.2.1"));
    }

    @Test
    void calleeHostMustBeAnIpLiteralUnlessANextHopIsGiven() {
        assertThrows(IllegalArgumentException.class,
                () -> h.uac.call("sip:alice@192.0.2.1", "sip:bob@example.com", null, h.listener));
        assertThrows(IllegalArgumentException.class,
                () -> h.uac.call("sip:alice@192.0.2.1", "sip:bob@example.com;tag=x", null, h.listener));
        h.uac.call("sip:alice@192.0.2.1", "sip:bob@example.com", null, BOB2, h.listener);
        assertEquals(BOB2, h.destinationOf(h.last("INVITE")));
    }

    @Test
    void shutdownEndsLiveCallsSilently() {
        h.call();
        OutboundCall answered = h.call();
        h.receive(response(h.last("INVITE"), 200, "b1"));
        h.uac.shutdown();
        assertEquals(List.of("answered sdp", "failed 503", "ended SHUTDOWN").stream().sorted().toList(),
                h.events.stream().sorted().toList());
        assertTrue(h.sent("BYE").isEmpty());
        assertEquals(0, h.uac.liveCalls());
        assertTrue(answered.callId() != null);
    }
}
