package org.sipee.sip.ua;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipee.sip.auth.AuthOutcome;
import org.sipee.sip.auth.AuthPolicy;
import org.sipee.sip.auth.DigestAuthenticator;
import org.sipee.sip.auth.Digests;
import org.sipee.sip.auth.UacCredentials;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outbound registration (RFC 3261 §10.2) on the virtual clock of {@link UaHarness} (T1 = 100 ms, so 64*T1 = 6.4 s),
 * the registrar's challenges and checks made by our own {@link DigestAuthenticator}.
 */
class OutboundRegistrationTest {

    private static final String REGISTRAR = "sip:192.0.2.2:5062";
    private static final String AOR = "sip:alice@pbx.example";

    private final UaHarness h = new UaHarness();
    private final List<String> events = new ArrayList<>();
    private final DigestAuthenticator registrar = new DigestAuthenticator("pbx.example",
            (user, realm, algorithm) -> user.equals("alice") ? Digests.ha1(algorithm, user, realm, "secret") : null,
            AuthPolicy.defaults(), () -> 1_000_000);
    private final RegistrationListener listener = new RegistrationListener() {
        @Override
        public void onRegistered(int grantedSeconds, List<String> bindings) {
            events.add("registered " + grantedSeconds + " " + bindings);
        }

        @Override
        public void onFailed(int status, String reason) {
            events.add("failed " + status);
        }

        @Override
        public void onEnded() {
            events.add("ended");
        }
    };

    private OutboundRegistration register(String password, int expires) {
        return h.uac.register(OutboundRegistration.Settings.of(REGISTRAR, AOR,
                new UacCredentials("alice", password, null)).withExpires(expires), listener);
    }

    /** The registrar: 401 with our authenticator's challenges, or 200 with the binding when authenticated. */
    private SipResponse registrarAnswer(SipRequest register, String grantedParam) {
        AuthOutcome outcome = registrar.authenticate(register, UaHarness.LOCAL);
        if (outcome instanceof AuthOutcome.Challenge c) {
            SipResponse challenge = Responses.create(register, c.status(), "Unauthorized", "r1");
            c.challenges().forEach(value -> challenge.addHeader(c.headerName(), value));
            return challenge;
        }
        assertInstanceOf(AuthOutcome.Authenticated.class, outcome);
        return ok(register, grantedParam);
    }

    private static SipResponse ok(SipRequest register, String contactParams) {
        SipResponse ok = Responses.create(register, 200, "OK", "r1");
        ok.addHeader("Contact", "<sip:alice@192.0.2.77>;expires=99");
        ok.addHeader("Contact", register.header("Contact") + contactParams);
        return ok;
    }

    @Test
    void registerChallengedWith401ThenRegistered() {
        OutboundRegistration registration = register("secret", 3600);
        SipRequest first = h.last("REGISTER");
        assertEquals("REGISTER sip:192.0.2.2:5062 SIP/2.0", first.startLine());
        assertEquals(UaHarness.PEER, h.destinationOf(first));
        assertEquals("<sip:alice@pbx.example>", first.header("To"));
        assertEquals("sip:alice@pbx.example", first.from().uri());
        assertTrue(first.from().tag() != null);
        assertEquals("1 REGISTER", first.header("CSeq"));
        assertEquals("<sip:192.0.2.1:5080>", first.header("Contact"), "our Contact, as in an INVITE");
        assertEquals("3600", first.header("Expires"));
        assertEquals(RegistrationState.REGISTERING, registration.state());

        h.receive(registrarAnswer(first, ""));
        SipRequest second = h.last("REGISTER");
        assertEquals("2 REGISTER", second.header("CSeq"));
        assertEquals(first.callId(), second.callId(), "§10.2.4: one Call-ID");
        assertEquals(first.from().tag(), second.from().tag());
        assertNotEquals(first.topVia().branch(), second.topVia().branch());
        assertTrue(second.header("Authorization").contains("algorithm=SHA-256"));

        SipResponse ok = registrarAnswer(second, ";expires=1200");
        h.receive(ok);
        assertEquals(List.of("registered 1200 [<sip:alice@192.0.2.77>;expires=99, <sip:192.0.2.1:5080>;expires=1200]"),
                events, "the expiry of our Contact; every binding reported");
        assertEquals(RegistrationState.REGISTERED, registration.state());
    }

    @Test
    void theRefreshGoesOutBeforeExpiryWithTheSameCallIdAndIsChallengedAgain() {
        OutboundRegistration registration = register("secret", 3600);
        h.receive(registrarAnswer(h.last("REGISTER"), ""));
        SipRequest authorized = h.last("REGISTER");
        h.receive(registrarAnswer(authorized, ";expires=60"));
        h.scheduler.advance(53_599); // max(60/2, 60 - 6.4) s
        assertEquals(2, h.sent("REGISTER").size());
        h.scheduler.advance(1);
        SipRequest refresh = h.last("REGISTER");
        assertEquals("3 REGISTER", refresh.header("CSeq"));
        assertEquals(authorized.callId(), refresh.callId());
        assertEquals(null, refresh.header("Authorization"), "a refresh starts without credentials");
        assertEquals(RegistrationState.REFRESHING, registration.state());
        h.receive(registrarAnswer(refresh, ""));
        SipResponse ok = registrarAnswer(h.last("REGISTER"), "");
        ok.addHeader("Expires", "10");
        ok.setHeader("Contact", "<sip:192.0.2.1:5080>");
        h.receive(ok);
        assertEquals("registered 10 [<sip:192.0.2.1:5080>]", events.get(1), "no expires param: the Expires header");
        h.scheduler.advance(5_000); // short bindings refresh halfway
        assertEquals("5 REGISTER", h.last("REGISTER").header("CSeq"));
    }

    @Test
    void a423IsRetriedWithItsMinExpires() {
        register("secret", 60);
        SipRequest first = h.last("REGISTER");
        SipResponse tooBrief = Responses.create(first, 423, "Interval Too Brief", "r1");
        tooBrief.addHeader("Min-Expires", "600");
        h.receive(tooBrief);
        SipRequest second = h.last("REGISTER");
        assertEquals("600", second.header("Expires"));
        assertEquals("2 REGISTER", second.header("CSeq"));
        SipResponse again = Responses.create(second, 423, "Interval Too Brief", "r1");
        again.addHeader("Min-Expires", "600");
        h.receive(again);
        assertEquals(List.of("failed 423"), events, "a Min-Expires we already asked for is a failure");
        h.scheduler.advance(30_000);
        assertEquals("600", h.last("REGISTER").header("Expires"), "the raised expiry is kept");
    }

    @Test
    void aWrongPasswordFailsAndIsRetriedAfterABackOffThatDoubles() {
        OutboundRegistration registration = register("wrong", 3600);
        h.receive(registrarAnswer(h.last("REGISTER"), ""));
        h.receive(registrarAnswer(h.last("REGISTER"), ""));
        assertEquals(List.of("failed 401"), events);
        assertEquals(RegistrationState.RETRY_WAIT, registration.state());
        assertEquals(2, h.sent("REGISTER").size());
        h.scheduler.advance(30_000);
        assertEquals(3, h.sent("REGISTER").size());
        assertEquals(RegistrationState.REGISTERING, registration.state());
        h.receive(Responses.create(h.last("REGISTER"), 503, "Service Unavailable", "r1"));
        h.scheduler.advance(59_999);
        assertEquals(3, h.sent("REGISTER").size(), "60 s after the second failure");
        h.scheduler.advance(1);
        assertEquals(4, h.sent("REGISTER").size());
        assertEquals(List.of("failed 401", "failed 503"), events);
    }

    @Test
    void noAnswerIsA408OnTimerF() {
        register("secret", 3600);
        h.scheduler.advance(64 * 100);
        assertEquals(List.of("failed 408"), events);
    }

    @Test
    void closeSendsExpiresZeroForOurContactThenEnds() {
        OutboundRegistration registration = register("secret", 3600);
        h.receive(registrarAnswer(h.last("REGISTER"), ""));
        h.receive(registrarAnswer(h.last("REGISTER"), ""));
        registration.close();
        SipRequest unregister = h.last("REGISTER");
        assertEquals(RegistrationState.UNREGISTERING, registration.state());
        assertEquals("0", unregister.header("Expires"));
        assertEquals("<sip:192.0.2.1:5080>", unregister.header("Contact"));
        assertEquals("3 REGISTER", unregister.header("CSeq"));
        h.receive(registrarAnswer(unregister, "")); // challenged again, answered
        SipRequest answered = h.last("REGISTER");
        assertEquals("0", answered.header("Expires"));
        h.receive(registrarAnswer(answered, ";expires=0"));
        assertEquals("ended", events.get(events.size() - 1));
        assertEquals(RegistrationState.ENDED, registration.state());
        h.scheduler.advance(10_000_000);
        assertEquals(4, h.sent("REGISTER").size(), "no refresh after the end");
        registration.close();
        assertEquals(4, h.sent("REGISTER").size());
    }

    @Test
    void closeDuringARegisterInFlightWaitsForItsAnswer() {
        OutboundRegistration registration = register("secret", 3600);
        registration.close();
        assertEquals(1, h.sent("REGISTER").size(), "§10.2: one REGISTER at a time");
        h.receive(registrarAnswer(h.last("REGISTER"), ""));
        assertEquals("0", h.last("REGISTER").header("Expires"));
        h.receive(ok(h.last("REGISTER"), ""));
        assertEquals(List.of("ended"), events);
    }

    @Test
    void shutdownEndsWithoutSending() {
        OutboundRegistration registration = register("secret", 3600);
        h.receive(registrarAnswer(h.last("REGISTER"), ""));
        h.receive(registrarAnswer(h.last("REGISTER"), ""));
        h.uac.shutdown();
        assertEquals(RegistrationState.ENDED, registration.state());
        assertEquals(2, h.sent("REGISTER").size());
        assertEquals("ended", events.get(1));
        h.scheduler.advance(10_000_000);
        assertEquals(2, h.sent("REGISTER").size());
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> OutboundRegistration.Settings.of(REGISTRAR, AOR, null)
                .withExpires(0));
        assertThrows(IllegalArgumentException.class, () -> h.uac.register(
                OutboundRegistration.Settings.of("sip:registrar.example", AOR, null), listener), "no DNS: next hop needed");
        assertThrows(IllegalArgumentException.class, () -> h.uac.register(
                OutboundRegistration.Settings.of("http://x", AOR, null), listener));
        OutboundRegistration viaProxy = h.uac.register(OutboundRegistration.Settings.of("sip:registrar.example", AOR, null)
                .withNextHop(UaHarness.PEER).withContact("sip:alice@192.0.2.1:5080"), listener);
        assertEquals("<sip:alice@192.0.2.1:5080>", h.last("REGISTER").header("Contact"));
        assertEquals(RegistrationState.REGISTERING, viaProxy.state());
    }
}
