package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Deploying the adapter binds its SIP port; undeploying frees it and every RTP port, three times over. */
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
