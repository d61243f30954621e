package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BYE from the callee's side (§15): hangUp(), and the BYE that ends a call whose 2xx was never ACKed (§13.3.1.4). */
class InboundHangUpTest {

    private static final InetSocketAddress CALLER_CONTACT = new InetSocketAddress("192.0.2.7", 5064);

    private final UaHarness h = new UaHarness();

    private static final String INVITE = """
            INVITE sip:bob@192.0.2.1:5080 SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.2:5062;branch=z9hG4bKinv1
            Max-Forwards: 70
            From: "Carol" <sip:carol@192.0.2.2>;tag=c1
            To: <sip:bob@192.0.2.1>
            Call-ID: in1@192.0.2.2
            CSeq: 10 INVITE
            Contact: <sip:carol@192.0.2.7:5064>
            Content-Length: 0

            """;

    private static final String ACK = """
            ACK sip:bob@192.0.2.1:5080 SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.2:5062;branch=z9hG4bKack1
            From: "Carol" <sip:carol@192.0.2.2>;tag=c1
            To: <sip:bob@192.0.2.1>;tag=%s
            Call-ID: in1@192.0.2.2
            CSeq: 10 ACK
            Content-Length: 0

            """;

    private InboundCall answeredCall() {
        h.receive(UaHarness.parse(INVITE));
        InboundCall call = h.inbound.get(0);
        call.accept(UaHarness.SDP);
        return call;
    }

    private String ourTag() {
        return h.responses.get(h.responses.size() - 1).to().tag();
    }

    private void assertByeToTheCaller(String ourTag) {
        SipRequest bye = h.last("BYE");
        assertEquals("BYE sip:carol@192.0.2.7:5064 SIP/2.0", bye.startLine(), "to the caller's Contact");
        assertEquals("<sip:bob@192.0.2.1>;tag=" + ourTag, bye.header("From"), "our To, with our tag");
        assertEquals("\"Carol\" <sip:carol@192.0.2.2>;tag=c1", bye.header("To"));
        assertEquals("in1@192.0.2.2", bye.callId());
        assertEquals("1 BYE", bye.header("CSeq"), "our own CSeq space");
        assertEquals(CALLER_CONTACT, h.destinationOf(bye));
    }

    @Test
    void hangUpAfterTheAckSendsBye() {
        InboundCall call = answeredCall();
        String tag = ourTag();
        h.receive(UaHarness.parse(ACK.formatted(tag)));
        call.hangUp();
        assertByeToTheCaller(tag);
        assertEquals(List.of("invite", "ack", "ended LOCAL_BYE"), h.events);
        assertEquals(0, h.dialogs.size());
    }

    @Test
    void hangUpBeforeTheAckWaitsForIt() {
        InboundCall call = answeredCall();
        String tag = ourTag();
        call.hangUp();
        assertTrue(h.sent("BYE").isEmpty(), "§15: no BYE before the ACK");
        h.receive(UaHarness.parse(ACK.formatted(tag)));
        assertByeToTheCaller(tag);
        assertEquals(List.of("invite", "ack", "ended LOCAL_BYE"), h.events);
    }

    @Test
    void no2xxAckWithin64T1EndsTheCallWithBye() {
        answeredCall();
        String tag = ourTag();
        h.scheduler.advance(64 * 100 - 1);
        assertTrue(h.sent("BYE").isEmpty());
        h.scheduler.advance(1);
        assertByeToTheCaller(tag);
        assertEquals(List.of("invite", "ended NO_ACK"), h.events);
    }

    @Test
    void hangUpBeforeAnAnswerIsIgnored() {
        h.receive(UaHarness.parse(INVITE));
        h.inbound.get(0).hangUp();
        assertTrue(h.sent("BYE").isEmpty());
        assertEquals(List.of("invite"), h.events);
    }

    /** RFC 3261 §13.2.1: an INVITE without SDP gets our offer in the 200; the answer comes in the ACK. */
    @Test
    void lateOfferAnswerIsTakenFromTheAck() {
        InboundCall call = answeredCall();
        assertEquals(null, call.remoteSdp(), "the INVITE has no offer");
        assertEquals(null, call.ackSdp(), "no ACK yet");
        String answer = UaHarness.SDP.replace("o=- 1 1", "o=carol 7 7"); // parse() turns the text's \n into CRLF
        String ackWithSdp = ACK.formatted(ourTag()).replace("Content-Length: 0\n",
                "Content-Type: application/sdp\nContent-Length: " + answer.length() + "\n") + answer.replace("\r\n", "\n");
        h.receive(UaHarness.parse(ackWithSdp));
        assertEquals(answer, call.ackSdp());
        assertEquals(List.of("invite", "ack"), h.events);
    }
}
