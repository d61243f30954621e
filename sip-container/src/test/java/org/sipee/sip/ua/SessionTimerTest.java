package org.sipee.sip.ua;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 4028 session timers, as UAS and as UAC, on a virtual clock. */
class SessionTimerTest {

    private final UaHarness h = new UaHarness();
    private final Caller carol = new Caller(h);

    @Test
    void anIntervalBelowOurMinSeIs422() {
        h.receive(carol.request("INVITE", 1, null, Caller.OFFER, "Supported: timer", "Session-Expires: 60"));
        SipResponse response = h.lastResponse("INVITE");
        assertEquals(422, response.status());
        assertEquals("90", response.header("Min-SE"));
        assertTrue(h.inbound.isEmpty());
    }

    @Test
    void theCallerRefreshesAndWithoutARefreshTheSessionExpiresWithBye() {
        carol.confirmed("Supported: timer", "Session-Expires: 120");
        SipResponse ok = h.responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        assertEquals("120;refresher=uac", ok.header("Session-Expires"));
        assertEquals("timer", ok.header("Require"));
        h.scheduler.advance(60_000);
        carol.send("UPDATE", 2, null, "Supported: timer", "Session-Expires: 120;refresher=uac"); // the refresh
        assertEquals(200, h.lastResponse("UPDATE").status());
        assertEquals("120;refresher=uac", h.lastResponse("UPDATE").header("Session-Expires"));
        h.scheduler.advance(87_999); // 120 - min(32, 40) = 88 s after the refresh
        assertTrue(h.sent("BYE").isEmpty());
        h.scheduler.advance(1);
        assertEquals(1, h.sent("BYE").size(), "§10: BYE before the session expires");
        assertEquals("ended SESSION_EXPIRED", h.events.get(h.events.size() - 1));
    }

    @Test
    void whenTheCallerDoesNotSupportTimersWeRefreshWithReInviteAtHalfTheInterval() {
        carol.confirmed("Session-Expires: 200");
        SipResponse ok = h.responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        assertEquals("200;refresher=uas", ok.header("Session-Expires"));
        assertTrue(ok.headerValues("Require").isEmpty(), "no Require: timer when unsupported");
        h.scheduler.advance(100_000);
        SipRequest refresh = h.last("INVITE");
        assertEquals("1 INVITE", refresh.header("CSeq"));
        assertEquals(UaHarness.SDP, new String(refresh.body()), "our SDP unchanged");
        assertEquals("200;refresher=uac", refresh.header("Session-Expires"), "we are the UAC of the refresh");
        SipResponse refreshed = Responses.create(refresh, 200, "OK", null);
        refreshed.addHeader("Session-Expires", "200;refresher=uac");
        h.receive(refreshed);
        h.scheduler.advance(99_999);
        assertEquals(1, h.sent("INVITE").size());
        h.scheduler.advance(1);
        assertEquals(2, h.sent("INVITE").size(), "re-armed by the 2xx");
    }

    @Test
    void asCallerWeAskForTimersRetryAfter422AndRefreshWithUpdateWhenAllowed() {
        h.call();
        SipRequest invite = h.last("INVITE");
        assertEquals("1800", invite.header("Session-Expires"));
        assertEquals("90", invite.header("Min-SE"));
        assertTrue(invite.headerValues("Supported").contains("timer"));
        SipResponse tooSmall = Responses.create(invite, 422, "Session Interval Too Small", "b0");
        tooSmall.setHeader("Min-SE", "3600");
        h.receive(tooSmall);
        SipRequest retry = h.last("INVITE");
        assertEquals("2 INVITE", retry.header("CSeq"));
        assertEquals("3600", retry.header("Session-Expires"));
        assertEquals("3600", retry.header("Min-SE"));
        assertEquals(invite.callId(), retry.callId());
        SipResponse ok = UaHarness.response(retry, 200, "b1");
        ok.addHeader("Session-Expires", "3600;refresher=uac");
        ok.addHeader("Allow", "INVITE, ACK, BYE, UPDATE");
        h.receive(ok);
        assertEquals(List.of("answered sdp"), h.events);
        h.scheduler.advance(1_800_000);
        SipRequest update = h.last("UPDATE");
        assertEquals("3 UPDATE", update.header("CSeq"));
        assertEquals("3600;refresher=uac", update.header("Session-Expires"));
    }

    @Test
    void policyValidationNamesTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new UaPolicy(1800, 30, true, false));
        assertTrue(e.getMessage().startsWith("minSE"));
        UaPolicy custom = new UaPolicy(600, 120, true, false);
        assertEquals(custom, org.sipee.sip.SipStackConfig.defaults("127.0.0.1", 0).withUa(custom).withT1(
                java.time.Duration.ofMillis(100)).ua());
    }
}
