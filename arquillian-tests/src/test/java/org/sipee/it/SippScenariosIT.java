package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        File script = new File(System.getProperty("sipp.script", "../sipp/run-scenarios.sh")).getCanonicalFile();
        assertTrue(script.isFile(), "the SIPp runner is missing: " + script);
        Process which = new ProcessBuilder("bash", "-c", "command -v sipp").start();
        assertEquals(0, which.waitFor(), "sipp is not installed (Debian package sip-tester)");

        // output goes through System.out (not inheritIO: the fork's stdout is the plugin's channel)
        ProcessBuilder builder = new ProcessBuilder("bash", script.getPath(), "127.0.0.1:5060")
                .directory(script.getParentFile())
                .redirectErrorStream(true);
        builder.environment().put("SIPP_LOG_DIR", System.getProperty("sipp.logs", "target/sipp-logs"));
        Process sipp = builder.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(sipp.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                System.out.println(line);
                output.add(line);
            }
        }
        assertTrue(sipp.waitFor(5, TimeUnit.MINUTES), "run-scenarios.sh did not finish within 5 minutes");
        assertEquals(0, sipp.exitValue(), "run-scenarios.sh failed:\n" + String.join("\n", output));
    }
}
