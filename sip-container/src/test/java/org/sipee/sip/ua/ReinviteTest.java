package org.sipee.sip.ua;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Target refresh and offer/answer in a confirmed dialog (RFC 3261 §14, §12.2), both directions, on the wire. */
class ReinviteTest {

    private static final String ANSWER_HOLD = UaHarness.SDP.replace("o=- 1 1", "o=- 1 2") + "a=recvonly\r\n";

    private final UaHarness h = new UaHarness();
    private final Caller carol = new Caller(h);

    @Test
    void holdReInviteIsAnsweredByTheApplicationAndRefreshesTheTarget() {
        InboundCall call = carol.confirmed();
        List<CompletionStage<String>> done = new java.util.ArrayList<>();
        h.onModify = request -> done.add(request.accept(ANSWER_HOLD));
        h.receive(withContact(carol.request("INVITE", 2, carol.ourTag, Caller.HOLD), "<sip:carol@192.0.2.8:5066>"));

        ModifyRequest modify = h.modifies.get(0);
        assertEquals("INVITE", modify.method());
        assertEquals(Caller.HOLD, modify.offerSdp());
        assertFalse(modify.isRefresh());
        SipResponse ok = h.lastResponse("INVITE");
        assertEquals(200, ok.status());
        assertEquals("2 INVITE", ok.header("CSeq"));
        assertEquals(ANSWER_HOLD, new String(ok.body()));
        assertEquals("<sip:192.0.2.1:5080>", ok.header("Contact"));
        assertFalse(done.get(0).toCompletableFuture().isDone(), "completes with the ACK");

        h.scheduler.advance(100);
        assertEquals(2, h.statuses("INVITE").stream().filter(s -> s == 200).count() - 1, "2xx retransmitted until ACK");
        carol.send("ACK", 2, null);
        assertTrue(done.get(0).toCompletableFuture().isDone());

        call.hangUp(); // §12.2.1.1: to the new remote target
        assertEquals("BYE sip:carol@192.0.2.8:5066 SIP/2.0", h.last("BYE").startLine());
    }

    @Test
    void byDefaultAnUnchangedOfferIsARefreshAndAChangeIs488() {
        carol.confirmed();
        carol.send("INVITE", 2, Caller.OFFER); // same o= version: refresh
        assertEquals(200, h.lastResponse("INVITE").status());
        assertEquals(UaHarness.SDP, new String(h.lastResponse("INVITE").body()), "our SDP unchanged");
        carol.send("ACK", 2, null);
        carol.send("INVITE", 3, Caller.HOLD);
        assertEquals(488, h.lastResponse("INVITE").status());
    }

    @Test
    void lateOfferReInviteGetsOurOfferAndTheAnswerComesInTheAck() {
        carol.confirmed();
        List<CompletionStage<String>> done = new java.util.ArrayList<>();
        h.onModify = request -> done.add(request.accept(request.currentLocalSdp()));
        carol.send("INVITE", 2, null);
        assertNull(h.modifies.get(0).offerSdp());
        assertEquals(UaHarness.SDP, new String(h.lastResponse("INVITE").body()));
        carol.send("ACK", 2, Caller.HOLD);
        assertEquals(Caller.HOLD, done.get(0).toCompletableFuture().join());
    }

    @Test
    void anUnansweredReInviteGets500WithRetryAfterAt64T1() {
        carol.confirmed();
        h.onModify = request -> { };
        carol.send("INVITE", 2, Caller.HOLD);
        h.scheduler.advance(64 * 100 - 1);
        assertEquals(List.of(100, 200, 100), h.statuses("INVITE"));
        h.scheduler.advance(1);
        SipResponse response = h.lastResponse("INVITE");
        assertEquals(500, response.status());
        assertTrue(response.hasHeader("Retry-After"));
    }

    @Test
    void ourReInviteCarriesTheOfferAndIsAckedOn2xx() {
        InboundCall call = carol.confirmed();
        CompletableFuture<ReinviteResult> result = call.reinvite(ANSWER_HOLD).toCompletableFuture();
        SipRequest reinvite = h.last("INVITE");
        assertEquals("INVITE sip:carol@192.0.2.7:5064 SIP/2.0", reinvite.startLine());
        assertEquals("1 INVITE", reinvite.header("CSeq"), "our own CSeq space");
        assertEquals("c1", reinvite.to().tag());
        assertEquals(ANSWER_HOLD, new String(reinvite.body()));
        assertTrue(reinvite.hasHeader("Contact"));
        carol.answer(reinvite, 200, Caller.HOLD);
        assertEquals("1 ACK", h.last("ACK").header("CSeq"));
        assertEquals(new ReinviteResult(200, "R200", Caller.HOLD), result.join());
    }

    @Test
    void glare491ThenRetryAfterTheBackoff() {
        InboundCall call = carol.confirmed();
        CompletableFuture<ReinviteResult> result = call.reinvite(ANSWER_HOLD).toCompletableFuture();
        SipRequest ours = h.last("INVITE");
        carol.send("INVITE", 2, Caller.HOLD); // crosses ours
        assertEquals(491, h.lastResponse("INVITE").status(), "§14.2");
        carol.answer(ours, 491, null);
        assertEquals(1, h.sent("INVITE").size());
        h.scheduler.advance(2001); // not the Call-ID owner: 0..2 s (§14.1)
        SipRequest retry = h.last("INVITE");
        assertEquals("2 INVITE", retry.header("CSeq"));
        carol.answer(retry, 200, Caller.HOLD);
        assertTrue(result.join().isSuccess());
    }

    @Test
    void theCallerRetriesGlareAfterAtLeast2100Ms() {
        OutboundCall call = h.call();
        SipRequest invite = h.last("INVITE");
        h.receive(UaHarness.response(invite, 200, "b1"));
        CompletableFuture<ReinviteResult> result = call.reinvite(UaHarness.SDP).toCompletableFuture();
        SipRequest ours = h.last("INVITE");
        SipResponse pending = org.sipee.sip.message.Responses.create(ours, 491, "Request Pending", null);
        h.receive(pending);
        h.scheduler.advance(2099);
        assertEquals(ours, h.last("INVITE"), "the Call-ID owner waits 2.1..4 s");
        h.scheduler.advance(1901);
        SipRequest retry = h.last("INVITE");
        assertEquals("3 INVITE", retry.header("CSeq"));
        h.receive(UaHarness.response(retry, 200, null));
        assertTrue(result.join().isSuccess());
    }

    @Test
    void aSecondReInviteWhileOneIsPendingIs500AndOursWaits() {
        InboundCall call = carol.confirmed();
        h.onModify = request -> { };
        carol.send("INVITE", 2, Caller.HOLD);
        carol.send("INVITE", 3, Caller.HOLD);
        assertEquals(500, h.lastResponse("INVITE").status());
        CompletableFuture<ReinviteResult> ours = call.reinvite(null).toCompletableFuture();
        assertTrue(h.sent("INVITE").isEmpty(), "ours waits: one offer at a time");
        h.modifies.get(0).accept(UaHarness.SDP);
        carol.send("ACK", 2, null);
        SipRequest reinvite = h.last("INVITE");
        assertEquals("1 INVITE", reinvite.header("CSeq"), "sent once the peer's exchange is over");
        carol.answer(reinvite, 200, Caller.OFFER);
        assertTrue(ours.join().isSuccess());
    }

    @Test
    void aReInvite2xxNeverAckedEndsTheCallWithBye() {
        carol.confirmed();
        carol.send("INVITE", 2, Caller.OFFER);
        h.scheduler.advance(64 * 100);
        assertEquals(1, h.sent("BYE").size());
        assertEquals("ended NO_ACK", h.events.get(h.events.size() - 1));
    }

    @Test
    void anUnansweredUpdateGets500At32T1() {
        carol.confirmed();
        h.onModify = request -> { };
        carol.send("UPDATE", 2, Caller.HOLD);
        h.scheduler.advance(32 * 100);
        assertEquals(List.of(500), h.statuses("UPDATE"));
    }

    @Test
    void glareBackoffRanges() {
        for (int i = 0; i < 200; i++) {
            long owner = GlareBackoff.delayMillis(true);
            long other = GlareBackoff.delayMillis(false);
            assertTrue(owner >= 2100 && owner <= 4000 && owner % 10 == 0, "owner " + owner);
            assertTrue(other >= 0 && other <= 2000 && other % 10 == 0, "other " + other);
        }
    }

    private static SipRequest withContact(SipRequest request, String contact) {
        request.setHeader("Contact", contact);
        return request;
    }
}
