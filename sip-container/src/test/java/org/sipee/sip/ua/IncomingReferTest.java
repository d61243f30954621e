package org.sipee.sip.ua;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The peer's REFER in a call's dialog (RFC 3515, RFC 4488) and the NOTIFYs of its subscription, on the wire. */
class IncomingReferTest {

    private static final String TRANSFER =
            "Refer-To: <sip:dave@192.0.2.9:5060?Replaces=abc%40h%3Bto-tag%3D1%3Bfrom-tag%3D2>";

    private final UaHarness h = new UaHarness();
    private final Caller carol = new Caller(h);

    private static String body(SipRequest request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    @Test
    void acceptedIs202ThenNotifiesTryingTheProgressAndTheEnd() {
        carol.confirmed();
        h.onRefer = refer -> { };
        carol.send("REFER", 2, null, TRANSFER, "Referred-By: <sip:carol@192.0.2.2>");
        IncomingRefer refer = h.refers.get(0);
        assertEquals("<sip:dave@192.0.2.9:5060?Replaces=abc%40h%3Bto-tag%3D1%3Bfrom-tag%3D2>", refer.referTo());
        assertEquals("sip:dave@192.0.2.9:5060?Replaces=abc%40h%3Bto-tag%3D1%3Bfrom-tag%3D2", refer.targetUri());
        assertEquals("<sip:carol@192.0.2.2>", refer.referredBy());
        assertTrue(h.statuses("REFER").isEmpty(), "the application answers");

        refer.accept();
        assertEquals(List.of(202), h.statuses("REFER"));
        assertNull(h.lastResponse("REFER").header("Refer-Sub"));
        SipRequest trying = h.last("NOTIFY");
        assertEquals("NOTIFY sip:carol@192.0.2.7:5064 SIP/2.0", trying.startLine());
        assertEquals("1 NOTIFY", trying.header("CSeq"));
        assertEquals("c1", trying.to().tag());
        assertEquals("refer", trying.header("Event"));
        assertEquals("active;expires=60", trying.header("Subscription-State"));
        assertEquals("message/sipfrag;version=2.0", trying.header("Content-Type"));
        assertEquals("SIP/2.0 100 Trying\r\n", body(trying));
        carol.answer(trying, 200, null);

        refer.notifyProgress(180, "Ringing");
        SipRequest ringing = h.last("NOTIFY");
        assertEquals("2 NOTIFY", ringing.header("CSeq"));
        assertEquals("active;expires=60", ringing.header("Subscription-State"));
        assertEquals("SIP/2.0 180 Ringing\r\n", body(ringing));
        carol.answer(ringing, 200, null);

        refer.notifyProgress(200, "OK");
        SipRequest done = h.last("NOTIFY");
        assertEquals("terminated;reason=noresource", done.header("Subscription-State"));
        assertEquals("SIP/2.0 200 OK\r\n", body(done));
        carol.answer(done, 200, null);

        refer.notifyProgress(486, "Busy Here");
        assertEquals(3, h.sent("NOTIFY").size(), "the subscription is over");
    }

    @Test
    void aSecondReferInTheDialogNotifiesWithItsCSeqAsId() {
        carol.confirmed();
        h.onRefer = IncomingRefer::accept;
        carol.send("REFER", 2, null, TRANSFER);
        assertEquals("refer", h.last("NOTIFY").header("Event"));
        carol.send("REFER", 3, null, "r: sip:erin@192.0.2.9");
        assertEquals("refer;id=3", h.last("NOTIFY").header("Event"));
        assertEquals("sip:erin@192.0.2.9", h.refers.get(1).targetUri());
    }

    @Test
    void declinedByDefault() {
        carol.confirmed();
        carol.send("REFER", 2, null, TRANSFER);
        assertEquals(List.of(603), h.statuses("REFER"));
        assertTrue(h.sent("NOTIFY").isEmpty());
    }

    @Test
    void withoutReferToOrWithTwoIs400AndNotDelivered() {
        carol.confirmed();
        carol.send("REFER", 2, null);
        carol.send("REFER", 3, null, TRANSFER, "Refer-To: <sip:erin@192.0.2.9>");
        assertEquals(List.of(400, 400), h.statuses("REFER"));
        assertTrue(h.refers.isEmpty());
    }

    @Test
    void referSubFalseIsAcceptedWithoutAnyNotify() {
        carol.confirmed();
        h.onRefer = IncomingRefer::accept;
        carol.send("REFER", 2, null, TRANSFER, "Refer-Sub: false", "Require: norefersub");
        SipResponse accepted = h.lastResponse("REFER");
        assertEquals(202, accepted.status());
        assertEquals("false", accepted.header("Refer-Sub"));
        h.refers.get(0).notifyProgress(200, "OK");
        assertTrue(h.sent("NOTIFY").isEmpty());
    }

    @Test
    void outsideADialogReferIs403AndNotify481() {
        h.receive(carol.request("REFER", 1, null, null, TRANSFER));
        h.receive(carol.request("NOTIFY", 2, null, null, "Event: refer", "Subscription-State: active"));
        assertEquals(List.of(403), h.statuses("REFER"));
        assertEquals(List.of(481), h.statuses("NOTIFY"));
        assertTrue(h.refers.isEmpty());
    }

    @Test
    void unansweredIs500After32T1() {
        carol.confirmed();
        h.onRefer = refer -> { };
        carol.send("REFER", 2, null, TRANSFER);
        h.scheduler.advance(32 * 100 - 1);
        assertTrue(h.statuses("REFER").isEmpty());
        h.scheduler.advance(1);
        assertEquals(List.of(500), h.statuses("REFER"));
        assertEquals("5", h.lastResponse("REFER").header("Retry-After"));
        h.refers.get(0).accept();
        assertEquals(List.of(500), h.statuses("REFER"), "too late");
        assertTrue(h.sent("NOTIFY").isEmpty());
    }

    @Test
    void aRefusedNotifyEndsTheSubscription() {
        carol.confirmed();
        h.onRefer = IncomingRefer::accept;
        carol.send("REFER", 2, null, TRANSFER);
        carol.answer(h.last("NOTIFY"), 481, null);
        h.refers.get(0).notifyProgress(180, "Ringing");
        assertEquals(1, h.sent("NOTIFY").size());
    }

    @Test
    void theDialogEndingEndsTheSubscription() {
        carol.confirmed();
        h.onRefer = IncomingRefer::accept;
        carol.send("REFER", 2, null, TRANSFER);
        carol.send("BYE", 3, null);
        h.refers.get(0).notifyProgress(200, "OK");
        assertEquals(1, h.sent("NOTIFY").size());
    }

    @Test
    void theCalleeReferInOurOutboundCallGoesToItsListener() {
        h.call();
        SipRequest invite = h.last("INVITE");
        h.receive(UaHarness.response(invite, 200, "b1"));
        h.onRefer = IncomingRefer::accept;
        h.receive(UaHarness.parse("REFER sip:192.0.2.1:5080 SIP/2.0\n"
                + "Via: SIP/2.0/UDP 192.0.2.2:5062;branch=z9hG4bKbrefer\nMax-Forwards: 70\n"
                + "From: <sip:bob@192.0.2.2:5062>;tag=b1\nTo: " + invite.header("From") + "\n"
                + "Call-ID: " + invite.callId() + "\nCSeq: 1 REFER\nContact: <sip:bob@192.0.2.2:5062>\n"
                + TRANSFER + "\nContent-Length: 0\n\n"));
        assertEquals(List.of(202), h.statuses("REFER"));
        SipRequest trying = h.last("NOTIFY");
        assertEquals("NOTIFY sip:bob@192.0.2.2:5062 SIP/2.0", trying.startLine());
        assertEquals("2 NOTIFY", trying.header("CSeq"));
        assertEquals("b1", trying.to().tag());
    }
}
