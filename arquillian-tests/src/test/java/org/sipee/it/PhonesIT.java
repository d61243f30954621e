package org.sipee.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sipee.rar.api.SipConnection;
import org.sipee.rar.api.SipConnectionFactory;
import org.sipee.session.Call;
import org.sipee.session.Registrations;
import org.sipee.session.SessionRegistry;
import org.sipee.sip.auth.DigestAlgorithm;
import org.sipee.sip.auth.DigestCredentials;
import org.sipee.sip.auth.Digests;
import org.sipee.sip.auth.UacCredentials;
import org.sipee.sip.ua.OutboundRegistration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Phones against the server's own security machinery: REGISTER is challenged (SHA-256 and MD5 digest), the
 * development users of the Elytron realm register, a wrong password does not, bindings expire on time; a protected
 * route challenges with 407 before its handler runs and then sees the caller as a Principal; a caller without the
 * route's role gets 403; a call to a registered user rings all of its contacts and the first to answer is bridged.
 */
@ExtendWith(ArquillianExtension.class)
class PhonesIT {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration CLEANUP = Duration.ofSeconds(10);
    /** A refused INVITE's client transaction lasts Timer D, 32 s over UDP (RFC 3261 §17.1.1.2); T1 50 ms here. */
    static final Duration TIMER_D = Duration.ofSeconds(40);

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.rarWith(TestDeployments.TEST_SIP_PORT, 50, Map.of("registrationMinExpires", "1"));
    }

    @Deployment(name = "demo", order = 2)
    static Archive<?> demo() {
        return TestDeployments.demoEarWith("phones", PhonesIT.class, ProtectedHandlers.class, EngineProbe.class,
                ToneTalker.class, DtmfPackets.class);
    }

    @Inject
    SessionRegistry registry;

    @Inject
    Registrations registrations;

    @Inject
    ProtectedHandlers handlers;

    @Resource(lookup = "java:/sip/SipConnectionFactory")
    SipConnectionFactory sip;

    @Resource(lookup = "java:jboss/infinispan/cache/sipee/registrations")
    ConcurrentMap<String, ?> bindings;

    SipPhone phone;

    @BeforeEach
    void phone() throws Exception {
        bindings.clear(); // the registrar's cache outlives the deployments: each test starts with no phone registered
        phone = new SipPhone(TestDeployments.TEST_SIP_PORT);
    }

    @AfterEach
    void close() {
        phone.close();
    }

    @Test
    @OperateOnDeployment("demo")
    void registerIsChallengedThenTheContactIsBound() throws Exception {
        SipResponse challenge = phone.register("alice", null, "");
        assertEquals(401, challenge.status());
        List<String> offered = challenge.headers().get("www-authenticate");
        assertEquals(2, offered.size(), offered.toString());
        assertTrue(offered.get(0).contains("algorithm=SHA-256") && offered.get(0).contains("realm=\"sipee\""), offered.get(0));
        assertTrue(offered.get(1).contains("algorithm=MD5"), offered.get(1));

        SipResponse ok = phone.register("alice", "alice-password", "");
        assertEquals(200, ok.status(), ok.toString());
        assertTrue(ok.header("Contact").contains(phone.contactUri("alice")) && ok.header("Contact").contains("expires="),
                ok.header("Contact"));
        assertEquals(List.of(phone.contactUri("alice")), registrations.contacts("sip:alice@127.0.0.1"));
    }

    @Test
    @OperateOnDeployment("demo")
    void aWrongPasswordIsChallengedAgainAndBindsNothing() throws Exception {
        SipResponse refused = phone.register("alice", "not-the-password", "");
        assertEquals(401, refused.status());
        assertEquals(List.of(), registrations.contacts("sip:alice@127.0.0.1"));
    }

    @Test
    @OperateOnDeployment("demo")
    void aBindingExpiresOnTime() throws Exception {
        SipResponse ok = phone.register("bob", "bob-password", ";expires=1"); // registrationMinExpires is 1 here
        assertEquals(200, ok.status());
        assertTrue(ok.header("Contact").contains(";expires=1"), ok.header("Contact"));
        assertEquals(List.of(phone.contactUri("bob")), registrations.contacts("sip:bob@127.0.0.1"));
        Poll.until("the binding expired", () -> registrations.contacts("sip:bob@127.0.0.1").isEmpty(), WAIT);
    }

    @Test
    @OperateOnDeployment("demo")
    void aProtectedRouteChallengesBeforeItsHandlerAndThenSeesTheCaller() throws Exception {
        String unauthenticated = phone.invite("whoami", phone.pcmuOffer());
        SipResponse challenge = phone.expect(407, "INVITE", WAIT);
        phone.ack(challenge);
        assertEquals(2, challenge.headers().get("proxy-authenticate").size(), challenge.headers().toString());
        assertNull(handlers.callerOf(unauthenticated), "no handler ran for the unauthenticated INVITE");

        String callId = phone.inviteAs("alice", "alice-password", "whoami", phone.pcmuOffer());
        phone.ack(phone.expect(486, 2, "INVITE", WAIT));
        assertEquals("alice phone=true operator=false", handlers.callerOf(callId));
        EngineProbe.assertNothingLeft(registry, TIMER_D);
    }

    @Test
    @OperateOnDeployment("demo")
    void aCallerWithoutTheRoutesRoleIsForbidden() throws Exception {
        String callId = phone.inviteAs("alice", "alice-password", "operators", phone.pcmuOffer());
        phone.ack(phone.expect(403, 2, "INVITE", WAIT));
        assertNull(handlers.callerOf(callId));
    }

    @Test
    @OperateOnDeployment("demo")
    void forwardingNeedsAnAuthenticatedCaller() throws Exception {
        phone.invite("9123", phone.pcmuOffer()); // toll fraud: our forwarding places calls at our expense
        phone.ack(phone.expect(407, "INVITE", WAIT));
    }

    @Test
    @OperateOnDeployment("demo")
    void aUserWithNoContactIsTemporarilyUnavailable() throws Exception {
        phone.inviteAs("alice", "alice-password", "bob", phone.pcmuOffer());
        phone.ack(phone.expect(480, 2, "INVITE", WAIT));
    }

    @Test
    @OperateOnDeployment("demo")
    void theServerRegistersItselfUpstreamAndKeepsItRefreshed() throws Exception {
        OutboundRegistration upstream;
        try (SipConnection connection = sip.getConnection()) {
            upstream = connection.registerUpstream(OutboundRegistration.Settings.of(
                    "sip:127.0.0.1:" + TestDeployments.TEST_SIP_PORT, "sip:alice@127.0.0.1",
                    new UacCredentials("alice", "alice-password", null)).withExpires(2));
        }
        try {
            Poll.until("registered with our own registrar", () -> !registrations.contacts("sip:alice@127.0.0.1").isEmpty(), WAIT);
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos(); // past two lifetimes: refreshed in time
            while (System.nanoTime() < until) {
                assertEquals(1, registrations.contacts("sip:alice@127.0.0.1").size(), "still registered");
                Thread.sleep(100);
            }
        } finally {
            upstream.close();
        }
        Poll.until("unregistered on close", () -> registrations.contacts("sip:alice@127.0.0.1").isEmpty(), WAIT);
    }

    @Test
    @OperateOnDeployment("demo")
    void aCallWePlaceAnswersTheCalleesChallenge() throws Exception {
        String target = "sip:trunk@127.0.0.1:" + phone.sipPort();
        try (SipConnection connection = sip.getConnection()) {
            connection.dial("sip:demo@127.0.0.1", target, null, new UacCredentials("trunk-user", "trunk-secret", null));
        }
        String invite = phone.expectRequest("INVITE", WAIT);
        phone.respond(invite, 407, "Proxy Authentication Required", null,
                "Proxy-Authenticate: Digest realm=\"carrier\", nonce=\"n0nce\", qop=\"auth\", algorithm=MD5\r\n");
        phone.expectRequest("ACK", WAIT);
        String again = phone.expectRequest("INVITE", WAIT);
        DigestCredentials credentials = DigestCredentials.parse(SipPhone.headerOf(again, "Proxy-Authorization"));
        assertEquals("trunk-user", credentials.username());
        String ha1 = Digests.ha1(DigestAlgorithm.MD5, "trunk-user", "carrier", "trunk-secret");
        assertEquals(Digests.response(DigestAlgorithm.MD5, ha1, "INVITE", credentials.uri(), "n0nce", credentials.nc(),
                credentials.cnonce(), "auth"), credentials.response(), "the digest of the secret");
        assertTrue(SipPhone.headerOf(again, "CSeq").startsWith("2 INVITE"), again);
        phone.respond(again, 486, "Busy Here", null);
        phone.expectRequest("ACK", WAIT);
        EngineProbe.assertNothingLeft(registry, TIMER_D);
    }

    @Test
    @OperateOnDeployment("demo")
    void aCallToARegisteredUserRingsBothContactsAndTheFirstToAnswerIsBridged() throws Exception {
        try (SipPhone bobAtDesk = new SipPhone(TestDeployments.TEST_SIP_PORT);
             SipPhone bobMobile = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
            assertEquals(200, bobAtDesk.register("bob", "bob-password", "").status());
            assertEquals(200, bobMobile.register("bob", "bob-password", "").status());
            assertEquals(2, registrations.contacts("sip:bob@127.0.0.1").size());

            String callId = phone.inviteAs("alice", "alice-password", "bob", phone.pcmuOffer());
            String deskInvite = bobAtDesk.expectRequest("INVITE", WAIT);
            String mobileInvite = bobMobile.expectRequest("INVITE", WAIT);
            assertTrue(deskInvite.startsWith("INVITE " + bobAtDesk.contactUri("bob") + " "), deskInvite);
            assertTrue(mobileInvite.startsWith("INVITE " + bobMobile.contactUri("bob") + " "), mobileInvite);
            bobAtDesk.respond(deskInvite, 180, "Ringing", null);
            phone.expect(180, "INVITE", WAIT);

            bobMobile.respond(mobileInvite, 200, "OK", bobMobile.g711Offer(1, "0 101", "sendrecv"));
            bobMobile.expectRequest("ACK", WAIT);
            SipResponse ok = phone.expect(200, 2, "INVITE", WAIT);
            phone.ack(ok);
            String cancel = bobAtDesk.expectRequest("CANCEL", WAIT); // the fork that lost stops ringing
            bobAtDesk.respond(cancel, 200, "OK", null);
            bobAtDesk.respond(deskInvite, 487, "Request Terminated", null);
            bobAtDesk.expectRequest("ACK", WAIT);

            Call inbound = registry.list().stream().filter(c -> c.callId().equals(callId)).findFirst().orElseThrow();
            Poll.until("the caller bridged to the mobile", () -> inbound.bridged().isPresent(), WAIT);
            try (ToneTalker aliceTalks = new ToneTalker(phone, ok.body(), 440);
                 ToneTalker bobTalks = new ToneTalker(bobMobile, mobileInvite.substring(mobileInvite.indexOf("\r\n\r\n") + 4), 1000)) {
                Tones.assertDominant(bobMobile.receiveAudio(50, 0, WAIT), 440, 40, "bob hears alice");
                Tones.assertDominant(phone.receiveAudio(50, 0, WAIT), 1000, 40, "alice hears bob");
            }
            phone.bye();
            phone.expect(200, "BYE", WAIT);
            bobMobile.respond(bobMobile.expectRequest("BYE", WAIT), 200, "OK", null);
            EngineProbe.assertNothingLeft(registry, TIMER_D);
        }
    }
}
