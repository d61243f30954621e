package org.sipee.sip.ua;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 3262 reliable provisional responses, as UAS and as UAC, on the wire. */
class ReliableProvisionalTest {

    private final UaHarness h = new UaHarness();
    private final Caller carol = new Caller(h);

    private List<SipResponse> sessionProgress() {
        return h.responses.stream().filter(r -> r.status() == 183).toList();
    }

    @Test
    void reliable183IsRetransmittedUntilPrackThen200() {
        InboundCall call = carol.invite("Supported: 100rel");
        call.sendProvisional(183, "Session Progress", UaHarness.SDP);
        SipResponse first = sessionProgress().get(0);
        assertEquals("100rel", first.header("Require"));
        long rseq = Long.parseLong(first.header("RSeq"));
        h.scheduler.advance(100);
        h.scheduler.advance(200); // T1, then 2*T1
        assertEquals(3, sessionProgress().size());
        carol.ourTag = first.to().tag();
        carol.send("PRACK", 2, null, "RAck: " + rseq + " 1 INVITE");
        assertEquals(List.of(200), h.statuses("PRACK"));
        h.scheduler.advance(10_000);
        assertEquals(3, sessionProgress().size(), "no retransmission after the PRACK");
        call.accept(UaHarness.SDP);
        assertEquals(200, h.lastResponse("INVITE").status());
        assertNull(h.lastResponse("INVITE").header("RSeq"));
    }

    @Test
    void theAnswerWaitsForThePrackOfAReliable183WithSdp() {
        InboundCall call = carol.invite("Supported: 100rel");
        call.sendProvisional(183, "Session Progress", UaHarness.SDP);
        SipResponse progress = sessionProgress().get(0);
        call.accept(UaHarness.SDP);
        assertEquals(183, h.lastResponse("INVITE").status(), "RFC 3262 §3: no 2xx before the PRACK of a 1xx with SDP");
        carol.ourTag = progress.to().tag();
        carol.send("PRACK", 2, null, "RAck: " + progress.header("RSeq") + " 1 INVITE");
        assertEquals(List.of(200), h.statuses("PRACK"));
        assertEquals(200, h.lastResponse("INVITE").status(), "the 200 follows the PRACK");
    }

    @Test
    void aPrackWithAnotherRAckIs481AndOnlyOneIsOutstanding() {
        InboundCall call = carol.invite("Require: 100rel");
        call.sendProvisional(180, "Ringing", null);
        call.sendProvisional(183, "Session Progress", UaHarness.SDP);
        SipResponse ringing = h.lastResponse("INVITE");
        assertEquals(180, ringing.status(), "the 183 waits for the PRACK of the 180");
        carol.ourTag = ringing.to().tag();
        long rseq = Long.parseLong(ringing.header("RSeq"));
        carol.send("PRACK", 2, null, "RAck: " + (rseq + 5) + " 1 INVITE");
        carol.send("PRACK", 3, null, "RAck: " + rseq + " 1 INVITE");
        assertEquals(List.of(481, 200), h.statuses("PRACK"));
        SipResponse next = h.lastResponse("INVITE");
        assertEquals(183, next.status());
        assertEquals(Long.toString(rseq + 1), next.header("RSeq"));
    }

    @Test
    void noPrackIn64T1Is500() {
        InboundCall call = carol.invite("Supported: 100rel");
        call.sendProvisional(180, "Ringing", null);
        h.scheduler.advance(64 * 100);
        assertEquals(500, h.lastResponse("INVITE").status());
        assertEquals("ended REJECTED", h.events.get(h.events.size() - 1));
    }

    @Test
    void withoutSupportedTheProvisionalIsUnreliable() {
        InboundCall call = carol.invite();
        call.sendProvisional(180, "Ringing", null);
        assertNull(h.lastResponse("INVITE").header("RSeq"));
        h.scheduler.advance(1000);
        assertEquals(1, h.responses.stream().filter(r -> r.status() == 180).count());
    }

    @Test
    void asCallerWePrackAReliableProvisionalOnceAndAdvertise100rel() {
        h.call();
        SipRequest invite = h.last("INVITE");
        assertTrue(invite.headerValues("Supported").contains("100rel"));
        SipResponse reliable = UaHarness.response(invite, 183, "b1");
        reliable.addHeader("Require", "100rel");
        reliable.addHeader("RSeq", "42");
        h.receive(reliable);
        h.receive(reliable); // retransmission
        assertEquals(1, h.sent("PRACK").size());
        SipRequest prack = h.last("PRACK");
        assertEquals("42 1 INVITE", prack.header("RAck"));
        assertEquals("2 PRACK", prack.header("CSeq"));
        assertEquals("b1", prack.to().tag());
        assertEquals("PRACK sip:bob@192.0.2.2:5062 SIP/2.0", prack.startLine());
        assertEquals(List.of("provisional 183 sdp"), h.events);
        h.receive(Responses.create(prack, 200, "OK", null));
        h.receive(UaHarness.response(invite, 200, "b1"));
        assertEquals("answered sdp", h.events.get(1));
    }
}
