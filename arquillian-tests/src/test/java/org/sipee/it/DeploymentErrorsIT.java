package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bad application fails its own deployment with a message naming the culprit (class and method), and the server
 * and the applications already deployed keep taking calls.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeploymentErrorsIT {

    static final Duration WAIT = Duration.ofSeconds(5);

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.testRar();
    }

    @Deployment(name = "good", order = 2, testable = false)
    static Archive<?> good() {
        return TestDeployments.testEar("good-app", DeploymentErrorsIT.class);
    }

    @Deployment(name = "duplicate-route", managed = false, testable = false)
    static Archive<?> duplicateRoute() {
        return TestDeployments.testEar("duplicate-route", DuplicateRoutes.class);
    }

    @Deployment(name = "wrong-signature", managed = false, testable = false)
    static Archive<?> wrongSignature() {
        return TestDeployments.testEar("wrong-signature", WrongSignatureHandler.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void twoHandlersForTheSameCallsFailTheDeploymentNamingBoth() throws Exception {
        String message = failedDeployment("duplicate-route");
        assertTrue(message.contains("DuplicateRoutes$FirstSupportDesk.take") && message.contains("DuplicateRoutes$SecondSupportDesk.take"),
                "names both handlers:\n" + message);
        assertTrue(message.contains("sip:support@*"), "names the route:\n" + message);
        assertTheGoodApplicationStillAnswers();
    }

    @Test
    void wrongHandlerSignatureFailsTheDeploymentNamingTheMethod() throws Exception {
        String message = failedDeployment("wrong-signature");
        assertTrue(message.contains("WrongSignatureHandler.take(java.lang.String)") && message.contains("IncomingCall"),
                "names the method and what it must take:\n" + message);
        assertTheGoodApplicationStillAnswers();
    }

    /** Deploys, expects failure, and returns every message of the failure's cause chain. */
    private String failedDeployment(String name) {
        Exception failure = assertThrows(Exception.class, () -> deployer.deploy(name), name + " must not deploy");
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        try {
            deployer.undeploy(name);
        } catch (RuntimeException nothingDeployed) {
            // the failed deployment may already be gone
        }
        return messages.toString();
    }

    /** TestHandlers of the good application answers sip:answer@ calls. */
    private static void assertTheGoodApplicationStillAnswers() throws Exception {
        try (SipPhone phone = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
            phone.invite("answer", phone.pcmuOffer());
            SipResponse ok = phone.expect(200, "INVITE", WAIT);
            assertEquals("OK", ok.reason());
            phone.ack(ok);
            phone.bye();
            phone.expect(200, "BYE", WAIT);
        }
    }
}
