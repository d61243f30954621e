package org.sipee.sip.ua;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipee.sip.auth.AuthOutcome;
import org.sipee.sip.auth.AuthPolicy;
import org.sipee.sip.auth.DigestAuthenticator;
import org.sipee.sip.auth.DigestCredentials;
import org.sipee.sip.auth.Digests;
import org.sipee.sip.auth.UacCredentials;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.sip.ua.UaHarness.response;

/**
 * Our INVITE challenged with 401/407 (RFC 3261 §22.2), the challenges and checks made by our own
 * {@link DigestAuthenticator} playing the callee's proxy.
 */
class AuthenticatedCallTest {

    private static final String REALM = "pbx.example";

    private final UaHarness h = new UaHarness();
    private final long[] now = {1_000_000};
    private final DigestAuthenticator proxy = new DigestAuthenticator(REALM,
            (user, realm, algorithm) -> user.equals("alice") ? Digests.ha1(algorithm, user, realm, "secret") : null,
            AuthPolicy.defaults(), () -> now[0]);

    private OutboundCall call(String password) {
        return h.uac.call(h.uac.newCallId(), "\"Alice\" <sip:alice@192.0.2.1>", "sip:bob@192.0.2.2:5062", UaHarness.SDP,
                null, password == null ? null : new UacCredentials("alice", password, null), h.listener);
    }

    /** The proxy's answer to the INVITE: its challenge as a 407/401, or null when authenticated. */
    private SipResponse challenge(SipRequest invite) {
        AuthOutcome outcome = proxy.authenticate(invite, UaHarness.LOCAL);
        if (outcome instanceof AuthOutcome.Authenticated) {
            return null;
        }
        AuthOutcome.Challenge c = assertInstanceOf(AuthOutcome.Challenge.class, outcome);
        SipResponse response = Responses.create(invite, c.status(), "Proxy Authentication Required", "p1");
        c.challenges().forEach(value -> response.addHeader(c.headerName(), value));
        return response;
    }

    @Test
    void inviteChallengedWith407IsSentAgainWithProxyAuthorizationAndAnswered() throws Exception {
        OutboundCall call = call("secret");
        SipRequest first = h.last("INVITE");
        h.receive(response(first, 100, null));
        h.receive(challenge(first));
        assertEquals(first.topVia().branch(), h.last("ACK").topVia().branch(), "§17.1.1.3: the 407 ACKed by the transaction");

        SipRequest second = h.last("INVITE");
        assertEquals(2, h.sent("INVITE").size());
        assertEquals("2 INVITE", second.header("CSeq"), "§8.1.3.5: the next CSeq");
        assertEquals(first.callId(), second.callId());
        assertEquals(call.localTag(), second.from().tag());
        assertNotEquals(first.topVia().branch(), second.topVia().branch(), "a new transaction");
        assertEquals(UaHarness.SDP, new String(second.body()));
        DigestCredentials answer = DigestCredentials.parse(second.header("Proxy-Authorization"));
        assertEquals(REALM, answer.realm());
        assertEquals("alice", answer.username());
        assertEquals(second.requestUri(), answer.uri());
        assertEquals("SHA-256", answer.algorithm(), "RFC 8760 §2.4: SHA-256 preferred");
        assertEquals(null, challenge(second), "our proxy accepts our answer");

        h.receive(response(second, 200, "b1"));
        assertEquals(List.of("answered sdp"), h.events);
        SipRequest ack = h.last("ACK");
        assertEquals("2 ACK", ack.header("CSeq"));
        assertEquals(second.headerValues("Proxy-Authorization"), ack.headerValues("Proxy-Authorization"),
                "§13.2.2.4: the ACK for the 2xx carries the INVITE's credentials");
    }

    @Test
    void aWrongPasswordFailsWith407AfterOneRetry() {
        call("wrong");
        h.receive(challenge(h.last("INVITE")));
        SipResponse again = challenge(h.last("INVITE"));
        assertEquals(407, again.status());
        h.receive(again);
        assertEquals(2, h.sent("INVITE").size(), "one retry only");
        assertEquals(List.of("failed 407"), h.events);
        assertEquals(0, h.uac.liveCalls());
    }

    @Test
    void aStaleChallengeIsAnsweredAgain() {
        call("secret");
        SipRequest first = h.last("INVITE");
        h.receive(challenge(first));
        now[0] += 301_000; // the nonce of the first challenge is stale by the time the proxy sees the retry
        SipResponse stale = challenge(h.last("INVITE"));
        assertTrue(stale.headerValues("Proxy-Authenticate").get(0).contains("stale=TRUE"));
        h.receive(stale);
        SipRequest third = h.last("INVITE");
        assertEquals("3 INVITE", third.header("CSeq"));
        assertEquals(1, third.headerValues("Proxy-Authorization").size(), "the old answer is replaced");
        assertEquals(null, challenge(third));
    }

    @Test
    void a401IsAnsweredWithAuthorization() {
        call("secret");
        SipRequest first = h.last("INVITE");
        SipResponse unauthorized = Responses.create(first, 401, "Unauthorized", "b1");
        unauthorized.addHeader("WWW-Authenticate", "Digest realm=\"bob.example\", nonce=\"n1\", algorithm=MD5, qop=\"auth\"");
        h.receive(unauthorized);
        SipRequest second = h.last("INVITE");
        assertTrue(second.header("Authorization").startsWith("Digest username=\"alice\", realm=\"bob.example\""));
        assertTrue(second.headerValues("Proxy-Authorization").isEmpty());
    }

    @Test
    void withoutCredentialsA407FailsTheCall() {
        call(null);
        h.receive(challenge(h.last("INVITE")));
        assertEquals(1, h.sent("INVITE").size());
        assertEquals(List.of("failed 407"), h.events);
    }

    @Test
    void afterARingingChallengeTheCancelWaitsForTheNewInvitesProvisional() {
        OutboundCall call = call("secret");
        SipRequest first = h.last("INVITE");
        h.receive(response(first, 180, "b1"));
        h.receive(challenge(first));
        call.cancel();
        assertTrue(h.sent("CANCEL").isEmpty(), "§9.1: no CANCEL before a provisional response to the new INVITE");
        h.receive(response(h.last("INVITE"), 100, null));
        assertEquals("2 CANCEL", h.last("CANCEL").header("CSeq"));
    }
}
