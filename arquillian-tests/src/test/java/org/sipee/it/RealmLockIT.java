package org.sipee.it;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Authenticating a phone must not hold on to its user in the realm: Elytron's file-system realm locks an identity
 * while an authentication context has it, and contexts left open once kept alice locked for good, so that changing
 * her password (or removing a user) hung the server's management.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RealmLockIT {

    static final Duration WAIT = Duration.ofSeconds(5);

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.testRar();
    }

    @Deployment(name = "demo", order = 2, testable = false)
    static Archive<?> demo() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, TestDeployments.built("sipee-demo.ear"));
    }

    @Test
    void aUserCanBeChangedRightAfterItAuthenticated() throws Exception {
        try (SipPhone phone = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
            assertEquals(200, phone.register("alice", "alice-password", ";expires=0").status());
            phone.inviteAs("alice", "alice-password", "bob", phone.pcmuOffer()); // a protected route: 480, nobody there
            phone.ack(phone.expect(480, 2, "INVITE", WAIT));
        }
        ModelNode setPassword = Operations.createOperation("set-password",
                Operations.createAddress("subsystem", "elytron", "filesystem-realm", "SipeeRealm"));
        setPassword.get("identity").set("alice");
        setPassword.get("clear", "password").set("alice-password");
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (ModelControllerClient management = ModelControllerClient.Factory.create("127.0.0.1", 9990)) {
            ModelNode outcome = caller.submit(() -> management.execute(setPassword)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(Operations.isSuccessfulOutcome(outcome), outcome.toString());
        } finally {
            caller.shutdownNow();
        }
    }
}
