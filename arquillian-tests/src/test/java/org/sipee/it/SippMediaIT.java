package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sipee.media.WavFile;

/**
 * The shipped demo (media-rar.rar on 5060, sipee-demo.ear) takes a voicemail from SIPp: sipp/voicemail_pcap.xml
 * speaks SIPp's G.711 A-law capture after the beep and presses 1, then #. The scenario passes only when the demo
 * hangs up after the # (the digit arrived); the published recording must then be the capture's audio.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SippMediaIT {

    static final Path CALLER_AUDIO = Path.of("/usr/share/sip-tester/g711a.pcap");
    static final int PCMA = 8;

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.productionRar();
    }

    @Deployment(name = "demo", order = 2, testable = false)
    static Archive<?> demo() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, TestDeployments.built("sipee-demo.ear"));
    }

    @Test
    void voicemailRecordsWhatTheCallerSaidUntilHash() throws Exception {
        String dir = System.getProperty("sipee.demo.voicemail.dir");
        assertNotNull(dir, "system property sipee.demo.voicemail.dir: the folder the test server's demo writes to (pom.xml)");
        Path voicemail = Path.of(dir);
        String callId = "voicemail-" + UUID.randomUUID() + "@127.0.0.1";
        try (SippProcess sipp = SippProcess.scenario("voicemail_pcap", "voicemail_pcap.xml", "127.0.0.1:5060", 15260,
                "-s", "voicemail", "-m", "1", "-mp", "16260", "-cid_str", callId)) {
            sipp.assertPassed(Duration.ofSeconds(60));
        }

        String name = callId.replaceAll("[^A-Za-z0-9._-]", "_");
        Path message = voicemail.resolve(name + ".wav");
        Poll.until("the voicemail " + message, () -> Files.isRegularFile(message), Duration.ofSeconds(10));
        assertFalse(Files.exists(voicemail.resolve(name + ".partial.wav")), "the partial file was moved into place");
        FrameEnergyMatch match = FrameEnergyMatch.assertRecognisable(RtpCapture.audio(CALLER_AUDIO, PCMA),
                WavFile.read(message), "the voicemail " + message);
        System.out.println("voicemail_pcap: " + match);
    }
}
