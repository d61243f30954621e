package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploying the adapter binds its SIP port; undeploying frees it and every RTP port, three times over. After a call
 * with media events, undeploying leaves no JMS connection and no thread of ours.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RarRedeployIT {

    @Deployment(name = "rar", managed = false, testable = false)
    static Archive<?> rar() {
        return TestDeployments.testRar();
    }

    /** The adapter with an invalid T1, under another archive name. */
    @Deployment(name = "bad-rar", managed = false, testable = false)
    static Archive<?> badRar() {
        return ShrinkWrap.create(ResourceAdapterArchive.class, "bad-media-rar.rar")
                .merge(TestDeployments.rarWith(TestDeployments.TEST_SIP_PORT, 0));
    }

    /** The test application (answers sip:answer@ with a tone), whose session layer subscribes to media events. */
    @Deployment(name = "app", managed = false, testable = false)
    static Archive<?> app() {
        return TestDeployments.testEar("redeploy-app");
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void deployUndeployThreeTimes() throws Exception {
        for (int round = 1; round <= 3; round++) {
            deployer.deploy("rar");
            try {
                assertThrows(BindException.class, () -> bind(TestDeployments.TEST_SIP_PORT).close(),
                        "round " + round + ": the SIP port is held while deployed");
            } finally {
                deployer.undeploy("rar");
            }
            Poll.until("round " + round + ": SIP port free", () -> bindable(TestDeployments.TEST_SIP_PORT), Duration.ofSeconds(5));
            for (int port = TestDeployments.TEST_RTP_MIN; port <= TestDeployments.TEST_RTP_MAX; port++) {
                int p = port;
                Poll.until("round " + round + ": RTP port " + p + " free", () -> bindable(p), Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void undeployAfterACallWithMediaEventsLeavesNoJmsConnectionOrThread() throws Exception {
        int before = brokerConnections();
        deployer.deploy("rar");
        try {
            deployer.deploy("app");
            try (SipPhone phone = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
                phone.invite("answer", phone.pcmuOffer());
                phone.ack(phone.expect(200, "INVITE", Duration.ofSeconds(5)));
                phone.receiveRtp(5, 0, Duration.ofSeconds(5));
                phone.bye();
                phone.expect(200, "BYE", Duration.ofSeconds(5));
            }
            // the adapter's publisher once the call's stream closed (the session layer takes the events in-process)
            Poll.until("one more JMS connection", () -> brokerConnections() >= before + 1,
                    () -> brokerConnections() + " connections, " + before + " before", Duration.ofSeconds(5));
        } finally {
            try {
                deployer.undeploy("app");
            } finally {
                deployer.undeploy("rar");
            }
        }
        Poll.until("the broker's connections as before", () -> brokerConnections() == before,
                () -> brokerConnections() + " connections, " + before + " before", Duration.ofSeconds(10));
        Poll.until("no sipee thread", () -> sipeeThreads().isEmpty(), () -> sipeeThreads().toString(), Duration.ofSeconds(10));
    }

    @Test
    void invalidConfigFailsTheDeploymentNamingTheSetting() {
        Exception failure = assertThrows(Exception.class, () -> deployer.deploy("bad-rar"));
        try {
            StringBuilder messages = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertTrue(messages.toString().contains("t1Millis"), messages.toString());
        } finally {
            try {
                deployer.undeploy("bad-rar");
            } catch (RuntimeException ignored) {
                // nothing deployed
            }
        }
        assertTrue(bindable(TestDeployments.TEST_SIP_PORT), "nothing left bound by the failed start");
    }

    private static int brokerConnections() {
        return execute(operation("list-connection-ids", "subsystem", "messaging-activemq", "server", "default")).asList().size();
    }

    /** Threads running our Works are named "... (sipee-io-1)" etc. while they run; the session's receiver too. */
    private static List<String> sipeeThreads() {
        ModelNode dump = operation("dump-all-threads", "core-service", "platform-mbean", "type", "threading");
        dump.get("locked-monitors").set(false);
        dump.get("locked-synchronizers").set(false);
        ModelNode threads = execute(dump);
        return threads.asList().stream().map(t -> t.get("thread-name").asString()).filter(n -> n.contains("sipee-")).toList();
    }

    private static ModelNode operation(String name, String... address) {
        ModelNode op = new ModelNode();
        op.get("operation").set(name);
        for (int i = 0; i < address.length; i += 2) {
            op.get("address").add(address[i], address[i + 1]);
        }
        return op;
    }

    /** On the server's management interface (the container's, 127.0.0.1:9990). */
    private static ModelNode execute(ModelNode op) {
        try (ModelControllerClient management = ModelControllerClient.Factory.create("127.0.0.1", 9990)) {
            ModelNode response = management.execute(op);
            if (!"success".equals(response.get("outcome").asString())) {
                throw new AssertionError(op + " failed: " + response);
            }
            return response.get("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DatagramSocket bind(int port) throws SocketException {
        try {
            return new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean bindable(int port) {
        try {
            bind(port).close();
            return true;
        } catch (SocketException e) {
            return false;
        }
    }
}
