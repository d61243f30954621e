package org.sipee.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.resource.spi.ResourceAdapterInternalException;

import org.junit.jupiter.api.Test;
import org.sipee.rar.api.AnswerTimeout;
import org.sipee.rar.api.MediaEventsConfig;

/** Config-properties into engine settings: the values arrive, and every bad value names its property. */
class EngineSettingsTest {

    @Test
    void defaultsOfRaXml() throws Exception {
        EngineSettings settings = EngineSettings.from(new SipResourceAdapter());
        assertEquals(List.of("UDP", "TCP"), settings.sip().transports());
        assertEquals(Duration.ofSeconds(180), settings.sip().tcpIdleTimeout());
        assertEquals(1800, settings.sip().ua().sessionExpires());
        assertEquals(90, settings.sip().ua().minSE());
        assertEquals(new AnswerTimeout(Duration.ofSeconds(60), 480), settings.answerTimeout());
    }

    @Test
    void answerTimeoutIsApplied() throws Exception {
        SipResourceAdapter ra = new SipResourceAdapter();
        ra.setAnswerTimeoutSeconds(0);
        ra.setAnswerTimeoutStatus(603);
        assertEquals(new AnswerTimeout(Duration.ZERO, 603), EngineSettings.from(ra).answerTimeout());
    }

    @Test
    void transportsTimeoutAndSessionTimersAreApplied() throws Exception {
        SipResourceAdapter ra = new SipResourceAdapter();
        ra.setTransports(" udp ");
        ra.setTcpIdleTimeoutSeconds(30);
        ra.setSessionExpiresSeconds(600);
        ra.setMinSeSeconds(120);
        ra.setSessionTimers(false);
        EngineSettings settings = EngineSettings.from(ra);
        assertEquals(List.of("UDP"), settings.sip().transports());
        assertEquals(Duration.ofSeconds(30), settings.sip().tcpIdleTimeout());
        assertEquals(600, settings.sip().ua().sessionExpires());
        assertEquals(120, settings.sip().ua().minSE());
        assertFalse(settings.sip().ua().sessionTimers());
    }

    @Test
    void mediaEventsDefaultToTheRarsTopicAndCanBeTurnedOff() throws Exception {
        EngineSettings defaults = EngineSettings.from(new SipResourceAdapter());
        assertEquals(Optional.of(new MediaEventsConfig("java:/jms/topic/sipee/media", "java:/ConnectionFactory")), defaults.mediaEvents());
        assertEquals(Duration.ofSeconds(5), defaults.qualityReportInterval());
        SipResourceAdapter off = new SipResourceAdapter();
        off.setMediaEventsTopic("");
        assertEquals(Optional.empty(), EngineSettings.from(off).mediaEvents());
        off.setMediaEventsTopic("OFF"); // what an ironjacamar.xml can say (an empty value there is skipped)
        assertEquals(Optional.empty(), EngineSettings.from(off).mediaEvents());
    }

    @Test
    void badValuesNameTheProperty() {
        assertInvalid(ra -> ra.setMediaEventsTopic("jms/topic/x"), "mediaEventsTopic must be a JNDI name starting with java:");
        assertInvalid(ra -> ra.setMediaEventsConnectionFactory(" "), "mediaEventsConnectionFactory must be a JNDI name");
        assertInvalid(ra -> ra.setQualityReportSeconds(0), "qualityReportSeconds must be 1..3600, was 0");
        assertInvalid(ra -> ra.setTransports("UDP,SCTP"), "transports");
        assertInvalid(ra -> ra.setTransports(""), "transports");
        assertInvalid(ra -> ra.setTransports("TCP,tcp"), "transports");
        assertInvalid(ra -> ra.setTcpIdleTimeoutSeconds(0), "tcpIdleTimeoutSeconds must be 1..86400, was 0");
        assertInvalid(ra -> ra.setMinSeSeconds(60), "minSeSeconds must be 90..86400, was 60");
        assertInvalid(ra -> ra.setAnswerTimeoutSeconds(-1), "answerTimeoutSeconds must be 0..86400, was -1");
        assertInvalid(ra -> ra.setAnswerTimeoutStatus(302), "answerTimeoutStatus must be 400..699, was 302");
        assertInvalid(ra -> {
            ra.setMinSeSeconds(300);
            ra.setSessionExpiresSeconds(200);
        }, "sessionExpiresSeconds must not be below minSeSeconds");
    }

    private static void assertInvalid(java.util.function.Consumer<SipResourceAdapter> change, String expected) {
        SipResourceAdapter ra = new SipResourceAdapter();
        change.accept(ra);
        ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class, () -> EngineSettings.from(ra));
        String message = e.getMessage();
        if (!message.startsWith("media-rar: invalid config-property: ") || !message.contains(expected)) {
            throw new AssertionError("expected '" + expected + "' in: " + message);
        }
    }
}
