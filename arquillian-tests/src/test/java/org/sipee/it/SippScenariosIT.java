package org.sipee.it;

import java.time.Duration;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shipped artifacts as they are (media-rar.rar on 5060, sipee-demo.ear) against SIPp:
 * runs sipp/run-scenarios.sh. A missing script or sipp binary fails the test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SippScenariosIT {

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.productionRar();
    }

    @Deployment(name = "demo", order = 2, testable = false)
    static Archive<?> demo() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, TestDeployments.built("sipee-demo.ear"));
    }

    @Test
    void sippScenariosPassAgainstTheDemo() throws Exception {
        SippProcess.script("run-scenarios", Map.of("SIPP_LOG_DIR", SippProcess.logRoot().toString()),
                "run-scenarios.sh", "127.0.0.1:5060").assertPassed(Duration.ofMinutes(5));
    }
}
