package org.sipee.sip.ua;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** An INVITE with Replaces (RFC 3891 §3): which dialog it may replace, on the wire. */
class ReplacesTest {

    private final UaHarness h = new UaHarness();
    private final Caller carol = new Caller(h);
    private int daves;

    /** Dave's new INVITE (its own Call-ID) with extra header lines; returns the statuses it got. */
    private List<Integer> daveInvites(String... headers) {
        String callId = "d" + (++daves) + "@192.0.2.5";
        h.receive(UaHarness.parse("INVITE sip:bob@192.0.2.1:5080 SIP/2.0\n"
                + "Via: SIP/2.0/UDP 192.0.2.5:5060;branch=z9hG4bKd" + daves + "\nMax-Forwards: 70\n"
                + "From: <sip:dave@192.0.2.5>;tag=d1\nTo: <sip:bob@192.0.2.1>\nCall-ID: " + callId + "\n"
                + "CSeq: 1 INVITE\nContact: <sip:dave@192.0.2.5>\n" + String.join("\n", headers) + "\n"
                + "Content-Length: 0\n\n"));
        return h.responses.stream().filter(r -> r.callId().equals(callId)).map(SipResponse::status).toList();
    }

    private String carolsDialog(String params) {
        return "Replaces: in1@192.0.2.2;to-tag=" + carol.ourTag + ";from-tag=c1" + params;
    }

    @Test
    void aConfirmedDialogOfOursIsReplacedByTheApplication() {
        InboundCall carols = carol.confirmed();
        assertNull(carols.replacedCallId());
        assertEquals(List.of(100), daveInvites(carolsDialog(""), "Require: replaces"), "no 420: we support it");
        assertEquals(2, h.inbound.size());
        assertEquals("in1@192.0.2.2", h.inbound.get(1).replacedCallId());
        assertEquals(List.of("invite", "ack", "invite"), h.events, "the engine leaves the old call alone");
    }

    @Test
    void tagsThatNameNoDialogAre481() {
        carol.confirmed();
        assertEquals(List.of(100, 481), daveInvites("Replaces: in1@192.0.2.2;to-tag=c1;from-tag=" + carol.ourTag));
        assertEquals(List.of(100, 481),
                daveInvites("Replaces: other@192.0.2.2;to-tag=" + carol.ourTag + ";from-tag=c1"));
        assertEquals(1, h.inbound.size());
    }

    @Test
    void anEndedDialogIs603() {
        carol.confirmed();
        carol.send("BYE", 2, null);
        assertEquals(List.of(100, 603), daveInvites(carolsDialog("")));
    }

    @Test
    void earlyOnlyOnAConfirmedDialogIs486() {
        carol.confirmed();
        assertEquals(List.of(100, 486), daveInvites(carolsDialog(";early-only")));
    }

    @Test
    void anEarlyDialogWeAnswerMayBeReplacedEvenEarlyOnly() {
        InboundCall carols = carol.invite();
        carols.sendProvisional(180, "Ringing", null);
        carol.ourTag = h.lastResponse("INVITE").to().tag();
        assertEquals(List.of(100), daveInvites(carolsDialog(";early-only")));
        assertEquals("in1@192.0.2.2", h.inbound.get(1).replacedCallId());
    }

    @Test
    void anEarlyDialogWeInitiatedIs481() {
        OutboundCall call = h.call();
        h.receive(UaHarness.response(h.last("INVITE"), 180, "b1"));
        assertEquals(List.of(100, 481), daveInvites("Replaces: " + call.callId() + ";to-tag=" + call.localTag()
                + ";from-tag=b1"));
    }

    @Test
    void twoReplacesOrAMalformedOneIs400() {
        carol.confirmed();
        assertEquals(List.of(100, 400), daveInvites(carolsDialog(""), carolsDialog("")));
        assertEquals(List.of(100, 400), daveInvites("Replaces: in1@192.0.2.2;to-tag=" + carol.ourTag));
        assertEquals(1, h.inbound.size());
    }

    @Test
    void theDialogOfOurOutboundCallIsReplaced() {
        OutboundCall call = h.call();
        SipRequest invite = h.last("INVITE");
        h.receive(UaHarness.response(invite, 200, "b1"));
        assertEquals(List.of(100), daveInvites("Replaces: " + call.callId() + ";to-tag=" + call.localTag()
                + ";from-tag=b1"));
        assertEquals(call.callId(), h.inbound.get(0).replacedCallId());
    }
}
