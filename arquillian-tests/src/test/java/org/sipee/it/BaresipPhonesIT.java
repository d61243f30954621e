package org.sipee.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.sipee.session.Registrations;
import org.sipee.session.SessionRegistry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real softphones against the demo as shipped (the production adapter on 127.0.0.1:5060): two baresip instances
 * register as alice and bob with their passwords from the server's Elytron realm, alice calls sip:bob@127.0.0.1,
 * bob's phone answers by itself, and each hears the other's tone through our media engine. A wrong password does
 * not register.
 */
@ExtendWith(ArquillianExtension.class)
class BaresipPhonesIT {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final Duration TALK = Duration.ofSeconds(2);
    static final String SERVER = "127.0.0.1:5060";
    /** Production timers here: finished transactions linger 64*T1 = 32 s (RFC 3261 Timers H, J). */
    static final Duration CLEANUP = Duration.ofSeconds(40);

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.productionRar();
    }

    @Deployment(name = "demo", order = 2)
    static Archive<?> demo() {
        return TestDeployments.demoEarWith("baresip-phones", BaresipPhonesIT.class, EngineProbe.class,
                Baresip.class, BaresipSettings.class, BaresipConfig.class, BaresipEvent.class, BaresipOutput.class,
                BaresipTrace.class, BaresipAudio.class);
    }

    @Inject
    Registrations registrations;

    @Inject
    SessionRegistry registry;

    @Resource(lookup = "java:jboss/infinispan/cache/sipee/registrations")
    ConcurrentMap<String, ?> bindings;

    Path folder;

    @BeforeEach
    void folder() throws Exception {
        bindings.clear();
        folder = Files.createTempDirectory("baresip-phones");
    }

    @AfterEach
    void noPhonesLeft() {
        bindings.clear(); // the phones are gone: later tests must not ring them
    }

    @Test
    @OperateOnDeployment("demo")
    void aliceCallsBobAndEachHearsTheOther() {
        try (Baresip alice = Baresip.start(BaresipSettings.peer("alice", 5130, 30200, folder.resolve("alice"))
                        .registeringAt(SERVER, "alice-password", 600).tone(440));
             Baresip bob = Baresip.start(BaresipSettings.peer("bob", 5132, 30210, folder.resolve("bob"))
                        .registeringAt(SERVER, "bob-password", 600).tone(1000))) {
            alice.awaitRegistered(WAIT);
            bob.awaitRegistered(WAIT);
            assertEquals(1, registrations.contacts("sip:bob@127.0.0.1").size(), registrations.contacts("sip:bob@127.0.0.1").toString());

            Baresip.converse(alice, bob, "sip:bob@127.0.0.1", TALK, WAIT);

            Tones.assertDominant(alice.receivedAudio(), 1000, 50, "alice hears bob");
            Tones.assertDominant(bob.receivedAudio(), 440, 50, "bob hears alice");
            EngineProbe.assertNothingLeft(registry, CLEANUP);
        }
    }

    @Test
    @OperateOnDeployment("demo")
    void aWrongPasswordDoesNotRegister() {
        try (Baresip mallory = Baresip.start(BaresipSettings.peer("alice", 5134, 30220, folder.resolve("mallory"))
                .registeringAt(SERVER, "not-alices-password", 600))) {
            String failed = mallory.awaitRegistrationFailed(WAIT);
            assertTrue(registrations.contacts("sip:alice@127.0.0.1").isEmpty(), failed);
        }
    }
}
