package org.sipee.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipee.media.DtmfEvent;
import org.sipee.media.RtpStreamStats;
import org.sipee.media.StreamQuality;

/** The documented message properties of each event type (README, "Media events"). */
class MediaEventTest {

    @Test
    void everyEventNamesItsTypeVersionCallPortAndTime() {
        MediaEvent started = MediaEvent.started("c1", 20000, new InetSocketAddress("127.0.0.1", 4000));
        assertEquals(List.of("sipeeEvent", "sipeeEventVersion", "callId", "rtpPort", "eventTime", "remoteAddress"),
                List.copyOf(started.properties().keySet()));
        assertEquals("MediaStarted", started.properties().get("sipeeEvent"));
        assertEquals(2, started.properties().get("sipeeEventVersion"));
        assertEquals(20000, started.properties().get("rtpPort"));
        assertEquals("127.0.0.1:4000", started.properties().get("remoteAddress"));
        assertTrue(started.properties().get("eventTime") instanceof Long);
    }

    @Test
    void digitsStopsAndFailuresCarryTheirFields() {
        var dtmf = MediaEvent.dtmf("c1", 20000, new DtmfEvent('#', Duration.ofMillis(120))).properties();
        assertEquals("DtmfReceived", dtmf.get("sipeeEvent"));
        assertEquals("#", dtmf.get("digit"));
        assertEquals(120L, dtmf.get("durationMillis"));

        StreamQuality last = new StreamQuality(10, 1600, 20, 3200, 21, 1, 0.0, 2.5, 0, 0, 30, Double.NaN,
                Double.NaN, 0, Double.NaN, 90.0, 4.3);
        var stopped = MediaEvent.stopped("c1", 20000, new RtpStreamStats(10, 20, 3200), last).properties();
        assertEquals(10L, stopped.get("packetsSent"));
        assertEquals(20L, stopped.get("packetsReceived"));
        assertEquals(3200L, stopped.get("bytesReceived"));
        assertEquals(1L, stopped.get("packetsLost"), "the final quality rides along: " + stopped);
        assertEquals(4.3, stopped.get("mos"));
        assertEquals(2, stopped.get("sipeeEventVersion"));

        var timeout = MediaEvent.timedOut("c1", 20000, Duration.ofSeconds(60)).properties();
        assertEquals("MediaFailure", timeout.get("sipeeEvent"));
        assertEquals("MediaTimeout", timeout.get("reason"));
        assertEquals(60L, timeout.get("timeoutSeconds"));

        var open = MediaEvent.openFailed("c2", new IllegalStateException("no free RTP/RTCP port pair")).properties();
        assertEquals("OpenFailed", open.get("reason"));
        assertEquals("no free RTP/RTCP port pair", open.get("message"));
        assertFalse(open.containsKey("rtpPort"), "no stream, no port");
    }

    @Test
    void unknownQualityValuesAreLeftOutNotNaN() {
        StreamQuality q = new StreamQuality(50, 8000, 48, 7680, 50, 2, 0.04, 1.5, 1, 2, 40, Double.NaN,
                Double.NaN, 0, Double.NaN, 88.1, 4.2);
        var report = MediaEvent.quality("c1", 20000, q).properties();
        assertEquals("QualityReport", report.get("sipeeEvent"));
        assertEquals(48L, report.get("packetsReceived"));
        assertEquals(2L, report.get("packetsLost"));
        assertEquals(0.04, report.get("fractionLost"));
        assertEquals(1.5, report.get("jitterMs"));
        assertEquals(4.2, report.get("mos"));
        assertFalse(report.containsKey("roundTripMs"), report.toString());
        assertFalse(report.containsKey("remoteJitterMs"), report.toString());
    }
}
