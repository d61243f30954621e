package org.sipee.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sipee.session.Registrations;
import org.sipee.session.SessionRegistry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What keeps phones and attackers within bounds, on an adapter with small limits: a source that fails to
 * authenticate twice is refused 403 for two seconds while another source goes on registering; a user may bind one
 * contact and hold one call; malformed credentials get 400, never a 500.
 */
@ExtendWith(ArquillianExtension.class)
class LimitsIT {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration TIMER_D = Duration.ofSeconds(40);

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.rarWith(TestDeployments.TEST_SIP_PORT, 50, Map.of("authFailureLimit", "2",
                "authBanSeconds", "2", "maxRegistrationsPerUser", "1", "maxCallsPerUser", "1"));
    }

    @Deployment(name = "demo", order = 2)
    static Archive<?> demo() {
        return TestDeployments.demoEarWith("limits", LimitsIT.class, EngineProbe.class);
    }

    @Inject
    SessionRegistry registry;

    @Inject
    Registrations registrations;

    @Resource(lookup = "java:jboss/infinispan/cache/sipee/registrations")
    ConcurrentMap<String, ?> bindings;

    @BeforeEach
    void noBindings() {
        bindings.clear();
    }

    @Test
    @OperateOnDeployment("demo")
    void aSourceThatKeepsFailingIsBlockedForAWhileAndOthersAreNot() throws Exception {
        try (SipPhone attacker = new SipPhone(TestDeployments.TEST_SIP_PORT, "127.0.0.2");
             SipPhone phone = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
            assertEquals(401, attacker.register("alice", "guess-1", "").status());
            assertEquals(401, attacker.register("alice", "guess-2", "").status());
            assertEquals(403, attacker.register("alice", "alice-password", "").status(), "blocked, even with the password");

            assertEquals(200, phone.register("bob", "bob-password", "").status(), "another source is not blocked");

            Poll.until("the ban is over", () -> registers(attacker, "alice", "alice-password"), Duration.ofSeconds(6));
        }
    }

    private static boolean registers(SipPhone phone, String user, String password) {
        try {
            return phone.register(user, password, "").status() == 200;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @OperateOnDeployment("demo")
    void aSecondContactOfOneUserIsRefused() throws Exception {
        try (SipPhone desk = new SipPhone(TestDeployments.TEST_SIP_PORT);
             SipPhone mobile = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
            assertEquals(200, desk.register("bob", "bob-password", "").status());
            assertEquals(200, desk.register("bob", "bob-password", "").status(), "a refresh of the same contact");
            SipResponse refused = mobile.register("bob", "bob-password", "");
            assertEquals(403, refused.status());
            assertEquals(1, registrations.contacts("sip:bob@127.0.0.1").size());
        }
    }

    @Test
    @OperateOnDeployment("demo")
    void aSecondCallOfOneUserIsBusy() throws Exception {
        try (SipPhone first = new SipPhone(TestDeployments.TEST_SIP_PORT);
             SipPhone second = new SipPhone(TestDeployments.TEST_SIP_PORT);
             SipPhone bob = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
            assertEquals(200, bob.register("bob", "bob-password", "").status());
            first.inviteAs("alice", "alice-password", "bob", first.pcmuOffer());
            String ringing = bob.expectRequest("INVITE", WAIT);
            second.inviteAs("alice", "alice-password", "bob", second.pcmuOffer());
            second.ack(second.expect(486, 2, "INVITE", WAIT));

            bob.respond(ringing, 486, "Busy Here", null);
            bob.expectRequest("ACK", WAIT);
            first.ack(first.expect(486, 2, "INVITE", WAIT));
            EngineProbe.assertNothingLeft(registry, TIMER_D);
        }
    }

    @Test
    @OperateOnDeployment("demo")
    void malformedCredentialsAreABadRequest() throws Exception {
        try (SipPhone phone = new SipPhone(TestDeployments.TEST_SIP_PORT, "127.0.0.3")) {
            assertEquals(401, phone.register("alice", null, "").status());
            for (String garbage : new String[] {"Digest username=\"alice\", realm=\"sipee\", nonce=\"unterminated",
                    "Digest username=\"alice\", realm=\"sipee\", uri=\"sip:127.0.0.1\"",
                    "Digest realm=\"sipee\", nonce=\"" + "n".repeat(5000) + "\""}) {
                int status = phone.registerAgain("alice", "", "Authorization: " + garbage + "\r\n").status();
                assertTrue(status == 400 || status == 401, "400 or a fresh challenge, was " + status + " for " + garbage);
            }
            assertEquals(0, registrations.contacts("sip:alice@127.0.0.1").size());
        }
    }
}
