package org.sipee.sip.ua;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** INFO, MESSAGE, OPTIONS and UPDATE inside dialogs (RFC 6086, RFC 3428, RFC 3311), both directions. */
class InDialogRequestsTest {

    private final UaHarness h = new UaHarness();
    private final Caller carol = new Caller(h);

    @Test
    void infoAndMessageFromThePeerAre200AndDelivered() {
        carol.confirmed();
        carol.send("INFO", 2, null, "Content-Type: application/dtmf-relay");
        carol.send("MESSAGE", 3, null);
        assertEquals(List.of(200), h.statuses("INFO"));
        assertEquals(List.of(200), h.statuses("MESSAGE"));
        assertEquals(List.of("message INFO", "message MESSAGE"), h.events.subList(2, 4));
        assertEquals("application/dtmf-relay", h.messages.get(0).contentType());
    }

    @Test
    void weSendInfoInTheDialog() {
        InboundCall call = carol.confirmed();
        CompletableFuture<Integer> status = call.sendInfo("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n")
                .toCompletableFuture();
        SipRequest info = h.last("INFO");
        assertEquals("INFO sip:carol@192.0.2.7:5064 SIP/2.0", info.startLine());
        assertEquals("application/dtmf-relay", info.header("Content-Type"));
        assertEquals("Signal=5\r\nDuration=160\r\n", new String(info.body()));
        h.receive(Responses.create(info, 200, "OK", null));
        assertEquals(200, status.join());
    }

    @Test
    void optionsInTheDialogAnswersCapabilitiesAndOursReportsTheStatus() {
        OutboundCall call = h.call();
        h.receive(UaHarness.response(h.last("INVITE"), 200, "b1"));
        CompletableFuture<Integer> status = call.sendOptions().toCompletableFuture();
        SipRequest options = h.last("OPTIONS");
        assertEquals("b1", options.to().tag());
        h.receive(Responses.create(options, 405, "Method Not Allowed", null));
        assertEquals(405, status.join());
        CompletableFuture<Integer> message = call.sendMessage("text/plain", "hi").toCompletableFuture();
        assertEquals("text/plain", h.last("MESSAGE").header("Content-Type"));
        h.scheduler.advance(64 * 100);
        assertEquals(408, message.getNow(-1), "Timer F");
    }

    @Test
    void updateInTheEarlyDialogFromTheCaller() {
        InboundCall call = carol.invite();
        call.sendProvisional(183, "Session Progress", UaHarness.SDP);
        carol.ourTag = h.lastResponse("INVITE").to().tag();
        h.onModify = request -> request.accept(UaHarness.SDP.replace("o=- 1 1", "o=- 1 2"));
        carol.send("UPDATE", 2, Caller.HOLD);
        SipResponse ok = h.lastResponse("UPDATE");
        assertEquals(200, ok.status());
        assertTrue(new String(ok.body()).contains("o=- 1 2"));
        assertEquals(List.of("invite", "modify UPDATE"), h.events);
    }

    @Test
    void weSendUpdateInTheEarlyDialogAsCaller() {
        OutboundCall call = h.call();
        SipRequest invite = h.last("INVITE");
        h.receive(UaHarness.response(invite, 183, "b1"));
        CompletableFuture<ReinviteResult> result = call.update(UaHarness.SDP).toCompletableFuture();
        SipRequest update = h.last("UPDATE");
        assertEquals("b1", update.to().tag());
        assertEquals("2 UPDATE", update.header("CSeq"));
        assertTrue(update.hasHeader("Contact"));
        SipResponse ok = Responses.create(update, 200, "OK", null);
        ok.addHeader("Content-Type", "application/sdp");
        ok.setBody(UaHarness.SDP.getBytes());
        h.receive(ok);
        assertEquals(UaHarness.SDP, result.join().sdp());
    }

    @Test
    void updateGlareIs491() {
        InboundCall call = carol.invite();
        call.sendProvisional(183, "Session Progress", UaHarness.SDP);
        carol.ourTag = h.lastResponse("INVITE").to().tag();
        call.update(UaHarness.SDP);
        carol.send("UPDATE", 2, Caller.HOLD);
        assertEquals(List.of(491), h.statuses("UPDATE"));
    }
}
