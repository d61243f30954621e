package org.sipee.sip.ua;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our REFER in a call's dialog (RFC 3515) and the peer's NOTIFYs about it, on the wire. */
class OutgoingReferTest {

    private final UaHarness h = new UaHarness();
    private final Caller carol = new Caller(h);
    private final List<ReferProgress> progress = new ArrayList<>();

    /** Carol's NOTIFY in the dialog with the given Event, Subscription-State and sipfrag body. */
    private void notify(long cseq, String event, String state, String sipfrag) {
        SipRequest notify = carol.request("NOTIFY", cseq, carol.ourTag, null, "Event: " + event,
                "Subscription-State: " + state, "Content-Type: message/sipfrag;version=2.0");
        notify.setBody(sipfrag.getBytes(StandardCharsets.UTF_8));
        h.receive(notify);
    }

    private CompletableFuture<Integer> refer(DialogCall call, String referTo) {
        return call.refer(referTo, progress::add).toCompletableFuture();
    }

    @Test
    void acceptedReferCompletes202AndReportsEachNotifyUntilTheLast() {
        InboundCall call = carol.confirmed();
        CompletableFuture<Integer> status = refer(call, "sip:dave@192.0.2.9");
        SipRequest refer = h.last("REFER");
        assertEquals("REFER sip:carol@192.0.2.7:5064 SIP/2.0", refer.startLine());
        assertEquals("1 REFER", refer.header("CSeq"));
        assertEquals("<sip:dave@192.0.2.9>", refer.header("Refer-To"));
        assertEquals("<sip:192.0.2.1:5080>", refer.header("Contact"));
        notify(2, "refer", "active;expires=60", "SIP/2.0 100 Trying\r\n"); // may come before the 202
        h.receive(Responses.create(refer, 202, "Accepted", null));
        assertEquals(202, status.join());
        notify(3, "refer", "active;expires=30", "SIP/2.0 180 Ringing\r\n");
        notify(4, "refer", "terminated;reason=noresource", "SIP/2.0 200 OK\r\nContent-Length: 0\r\n");
        assertEquals(List.of(new ReferProgress(100, "Trying", false), new ReferProgress(180, "Ringing", false),
                new ReferProgress(200, "OK", true)), progress);
        notify(5, "refer", "active", "SIP/2.0 180 Ringing\r\n");
        assertEquals(List.of(200, 200, 200, 481), h.statuses("NOTIFY"), "no subscription after the last");
    }

    @Test
    void notifiesOfAnotherEventOrWithAMalformedBodyAreRefused() {
        InboundCall call = carol.confirmed();
        refer(call, "<sip:dave@192.0.2.9>");
        h.receive(Responses.create(h.last("REFER"), 202, "Accepted", null));
        notify(2, "dialog", "active", "SIP/2.0 100 Trying\r\n");
        notify(3, "refer", "active", "Trying\r\n");
        notify(4, "refer", "active", "SIP/2.0 99 Early\r\n");
        notify(5, "refer", "terminated", "SIP/2.0 603 Declined\r\n");
        assertEquals(List.of(481, 400, 400, 200), h.statuses("NOTIFY"));
        assertEquals(List.of(new ReferProgress(603, "Declined", true)), progress);
    }

    @Test
    void notifiesGoToTheReferTheirIdNamesElseTheLatest() {
        InboundCall call = carol.confirmed();
        List<ReferProgress> first = new ArrayList<>();
        call.refer("sip:dave@192.0.2.9", first::add);
        refer(call, "sip:erin@192.0.2.9");
        notify(2, "refer;id=1", "active", "SIP/2.0 183 Session Progress\r\n");
        notify(3, "refer", "active", "SIP/2.0 180 Ringing\r\n");
        notify(4, "refer;id=9", "active", "SIP/2.0 180 Ringing\r\n");
        assertEquals(List.of(new ReferProgress(183, "Session Progress", false)), first);
        assertEquals(List.of(new ReferProgress(180, "Ringing", false)), progress);
        assertEquals(List.of(200, 200, 481), h.statuses("NOTIFY"));
    }

    @Test
    void aRefusedReferHasNoSubscription() {
        InboundCall call = carol.confirmed();
        CompletableFuture<Integer> status = refer(call, "sip:dave@192.0.2.9");
        h.receive(Responses.create(h.last("REFER"), 603, "Declined", null));
        assertEquals(603, status.join());
        notify(2, "refer", "active", "SIP/2.0 100 Trying\r\n");
        assertEquals(List.of(481), h.statuses("NOTIFY"));
    }

    @Test
    void referSubFalseInThe2xxEndsTheSubscription() {
        InboundCall call = carol.confirmed();
        CompletableFuture<Integer> status = refer(call, "sip:dave@192.0.2.9");
        SipResponse accepted = Responses.create(h.last("REFER"), 202, "Accepted", null);
        accepted.addHeader("Refer-Sub", "false");
        h.receive(accepted);
        assertEquals(202, status.join());
        notify(2, "refer", "active", "SIP/2.0 100 Trying\r\n");
        assertEquals(List.of(481), h.statuses("NOTIFY"));
    }

    @Test
    void unansweredIs408() {
        InboundCall call = carol.confirmed();
        CompletableFuture<Integer> status = refer(call, "sip:dave@192.0.2.9");
        h.scheduler.advance(64 * 100);
        assertEquals(408, status.getNow(-1), "Timer F");
    }

    @Test
    void withoutADialogIs481AndAMalformedTargetIsRefused() {
        InboundCall call = carol.invite();
        assertEquals(481, refer(call, "sip:dave@192.0.2.9").getNow(-1));
        assertTrue(h.sent("REFER").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> call.refer("dave at home", progress::add));
        OutboundCall outbound = h.call();
        assertEquals(481, refer(outbound, "sip:dave@192.0.2.9").getNow(-1), "no dialog before a tagged response");
    }

    @Test
    void theCallerRefersInItsOutboundCall() {
        OutboundCall call = h.call();
        h.receive(UaHarness.response(h.last("INVITE"), 200, "b1"));
        CompletableFuture<Integer> status = refer(call, "sip:dave@192.0.2.9");
        SipRequest refer = h.last("REFER");
        assertEquals("REFER sip:bob@192.0.2.2:5062 SIP/2.0", refer.startLine());
        assertEquals("2 REFER", refer.header("CSeq"));
        assertEquals("b1", refer.to().tag());
        h.receive(Responses.create(refer, 202, "Accepted", null));
        assertEquals(202, status.join());
    }
}
