package org.sipee.sip.ua;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UAS answers from the conformance review (RFC 3261 §8.2.2, §8.2.3, §8.1.3.3, §15) on the wire. */
class UasConformanceTest {

    private final UaHarness h = new UaHarness();
    private final Caller carol = new Caller(h);

    private static SipRequest withRequestUri(SipRequest request, String uri) {
        return UaHarness.parse(new String(org.sipee.sip.message.SipSerializer.encode(request))
                .replace("\r\n", "\n").replaceFirst("sip:bob@192.0.2.1:5080", uri));
    }

    @Test
    void unsupportedSchemeIs416BeforeTheMethodIsLookedAt() {
        SipRequest foo = carol.request("FOO", 1, null, null);
        h.receive(withRequestUri(foo, "tel:+15551234"));
        assertEquals(List.of(416), h.statuses("FOO"));
        assertTrue(h.inbound.isEmpty());
    }

    @Test
    void inviteWithAnotherBodyIs415WithAccept() {
        h.receive(carol.request("INVITE", 1, null, null, "Content-Type: text/plain"));
        SipResponse response = h.lastResponse("INVITE");
        assertEquals(415, response.status());
        assertEquals("application/sdp", response.header("Accept"));
        assertTrue(h.inbound.isEmpty());
    }

    @Test
    void mergedRequestIs482() {
        SipRequest first = carol.request("INVITE", 1, null, Caller.OFFER);
        SipRequest second = carol.request("INVITE", 1, null, Caller.OFFER); // same From tag, Call-ID, CSeq; new branch
        h.receive(first);
        h.receive(second);
        assertEquals(1, h.inbound.size());
        assertEquals(List.of(100, 482), h.statuses("INVITE"));
    }

    @Test
    void bareMagicCookieIsNotAnRfc3261Branch() {
        String a = "INVITE sip:bob@192.0.2.1 SIP/2.0\nVia: SIP/2.0/UDP 192.0.2.2;branch=z9hG4bK\nMax-Forwards: 70\n"
                + "From: <sip:a@x>;tag=a1\nTo: <sip:bob@192.0.2.1>\nCall-ID: %s\nCSeq: 1 INVITE\nContent-Length: 0\n\n";
        h.receive(UaHarness.parse(a.formatted("one@x")));
        h.receive(UaHarness.parse(a.formatted("two@x")));
        assertEquals(2, h.inbound.size(), "two calls, not a retransmission of one transaction");
    }

    @Test
    void responseWithTwoViasIsDropped() {
        h.call();
        SipRequest invite = h.last("INVITE");
        SipResponse ringing = UaHarness.response(invite, 180, "b1");
        ringing.addHeader("Via", "SIP/2.0/UDP 192.0.2.9;branch=z9hG4bKother");
        h.receive(ringing);
        assertTrue(h.events.isEmpty(), "§8.1.3.3: discarded");
    }

    @Test
    void contactSaysTcpWhenTheInviteCameOverTcp() {
        h.receive(UaHarness.parse(new String(org.sipee.sip.message.SipSerializer.encode(carol.request("INVITE", 1, null, null)))
                .replace("\r\n", "\n").replace("SIP/2.0/UDP", "SIP/2.0/TCP")));
        h.inbound.get(0).accept(UaHarness.SDP);
        assertEquals("<sip:192.0.2.1:5080;transport=tcp>", h.lastResponse("INVITE").header("Contact"));
    }

    @Test
    void byeInTheEarlyDialogIs200AndTheInvite487() {
        InboundCall call = carol.invite();
        call.sendProvisional(180, "Ringing", null);
        carol.ourTag = h.lastResponse("INVITE").to().tag();
        carol.send("BYE", 2, null);
        assertEquals(List.of(200), h.statuses("BYE"));
        assertEquals(List.of(100, 180, 487), h.statuses("INVITE"));
        assertEquals(List.of("invite", "ended REMOTE_BYE"), h.events);
    }

    @Test
    void allowAndSupportedNameWhatIsImplemented() {
        h.receive(carol.request("OPTIONS", 1, null, null));
        SipResponse ok = h.lastResponse("OPTIONS");
        assertEquals(List.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "UPDATE", "PRACK", "INFO", "MESSAGE", "REFER",
                "NOTIFY"), ok.headerValues("Allow"));
        assertEquals(List.of("100rel", "timer", "replaces", "norefersub"), ok.headerValues("Supported"));
        assertNull(ok.header("Require"));
    }
}
