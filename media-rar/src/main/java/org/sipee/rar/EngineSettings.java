package org.sipee.rar;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.resource.spi.ResourceAdapterInternalException;

import org.sipee.media.MediaConfig;
import org.sipee.rar.api.AnswerTimeout;
import org.sipee.rar.api.MediaEventsConfig;
import org.sipee.sip.SipStackConfig;
import org.sipee.sip.overload.AddressBlock;
import org.sipee.sip.overload.OverloadPolicy;
import org.sipee.sip.ua.UaPolicy;

/**
 * The adapter's config-properties turned into engine configurations. Every invalid value fails
 * with a ResourceAdapterInternalException whose message names the config-property.
 */
record EngineSettings(SipStackConfig sip, MediaConfig media, Duration mediaTimeout, AnswerTimeout answerTimeout,
                      int deliveryThreads, Optional<MediaEventsConfig> mediaEvents, Duration qualityReportInterval,
                      Optional<SecuritySettings> security) {

    static EngineSettings from(SipResourceAdapter ra) throws ResourceAdapterInternalException {
        try {
            int sipPort = range("sipPort", ra.getSipPort(), 0, 65535);
            int t1 = range("t1Millis", ra.getT1Millis(), 1, 4000);
            int threads = range("deliveryThreads", ra.getDeliveryThreads(), 1, 64);
            int tcpIdle = range("tcpIdleTimeoutSeconds", ra.getTcpIdleTimeoutSeconds(), 1, 86_400);
            List<String> transports = transports(ra.getTransports());
            UaPolicy ua = sessionTimers(ra);
            int rtpMin = required("rtpPortMin", ra.getRtpPortMin());
            int rtpMax = required("rtpPortMax", ra.getRtpPortMax());
            SipStackConfig sip = SipStackConfig.defaults(ra.getBindAddress(), sipPort).withT1(Duration.ofMillis(t1))
                    .withTransports(transports).withTcpIdleTimeout(Duration.ofSeconds(tcpIdle)).withUa(ua)
                    .withOverload(overload(ra));
            MediaConfig media = new MediaConfig(ra.getBindAddress(), rtpMin, rtpMax);
            // 0 turns it off; otherwise long enough for a silence-suppressing peer's comfort-noise gaps
            int mediaTimeout = range("mediaTimeoutSeconds", ra.getMediaTimeoutSeconds(), 0, 86_400);
            // a final non-2xx: a 3xx would need a Contact to redirect to
            AnswerTimeout answerTimeout = new AnswerTimeout(
                    Duration.ofSeconds(range("answerTimeoutSeconds", ra.getAnswerTimeoutSeconds(), 0, 86_400)),
                    range("answerTimeoutStatus", ra.getAnswerTimeoutStatus(), 400, 699));
            Optional<MediaEventsConfig> events = mediaEvents(ra);
            int reportEvery = range("qualityReportSeconds", ra.getQualityReportSeconds(), 1, 3600);
            return new EngineSettings(sip, media, Duration.ofSeconds(mediaTimeout), answerTimeout, threads, events,
                    Duration.ofSeconds(reportEvery), SecuritySettings.from(ra));
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException("media-rar: invalid config-property: " + e.getMessage(), e);
        }
    }

    /** RFC 4028: Min-SE at least 90 s (§5), the interval we grant or ask for not below it; 100rel as UAS on request. */
    private static UaPolicy sessionTimers(SipResourceAdapter ra) {
        boolean on = ra.getSessionTimers() == null || ra.getSessionTimers();
        int minSe = range("minSeSeconds", ra.getMinSeSeconds(), 90, 86_400);
        int expires = range("sessionExpiresSeconds", ra.getSessionExpiresSeconds(), 90, 86_400);
        if (expires < minSe) {
            throw new IllegalArgumentException("sessionExpiresSeconds must not be below minSeSeconds (" + minSe
                    + ", RFC 4028 §5), was " + expires);
        }
        return new UaPolicy(expires, minSe, on, UaPolicy.DEFAULTS.require100rel());
    }

    /** When new requests get 503: the backlog, the call limit, per-source floods (RFC 3261 §21.5.4). */
    private static OverloadPolicy overload(SipResourceAdapter ra) {
        return new OverloadPolicy(range("overloadBacklog", ra.getOverloadBacklog(), 2, 1_000_000),
                range("overloadLagMillis", ra.getOverloadLagMillis(), 40, 60_000),
                range("overloadRetryAfterSeconds", ra.getOverloadRetryAfterSeconds(), 1, 3600),
                range("maxCalls", ra.getMaxCalls(), 1, 1_000_000),
                range("floodRequests", ra.getFloodRequests(), 2, 1_000_000),
                Duration.ofSeconds(range("floodWindowSeconds", ra.getFloodWindowSeconds(), 1, 3600)),
                Duration.ofSeconds(range("floodBanSeconds", ra.getFloodBanSeconds(), 1, 86_400)),
                AddressBlock.parseList("floodExemptSources", ra.getFloodExemptSources()));
    }

    /**
     * Media events go to mediaEventsTopic (empty or "off": not published) through mediaEventsConnectionFactory. "off"
     * because IronJacamar skips an empty config-property value, which would leave the default topic on.
     */
    private static Optional<MediaEventsConfig> mediaEvents(SipResourceAdapter ra) {
        String topic = ra.getMediaEventsTopic();
        if (topic == null || topic.isBlank() || topic.trim().equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        String factory = ra.getMediaEventsConnectionFactory();
        return Optional.of(new MediaEventsConfig(jndiName("mediaEventsTopic", topic, "java:/jms/topic/sipee/media"),
                jndiName("mediaEventsConnectionFactory", factory, "java:/ConnectionFactory")));
    }

    /** Names the adapter looks up in the server's JNDI (java:/..., java:jboss/...); lookups happen at the first event. */
    private static String jndiName(String name, String value, String example) {
        if (value == null || !value.trim().startsWith("java:")) {
            throw new IllegalArgumentException(name + " must be a JNDI name starting with java:, e.g. " + example
                    + (name.equals("mediaEventsTopic") ? " (empty or off turns media events off)" : "") + ", was '" + value + "'");
        }
        return value.trim();
    }

    /** "UDP,TCP": a comma-separated list; the stack refuses unknown or repeated names (its message says "transports: ..."). */
    private static List<String> transports(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("transports must list UDP and/or TCP, e.g. UDP,TCP, was '" + value + "'");
        }
        return Arrays.stream(value.split(",")).map(String::trim).toList();
    }

    private static int required(String name, Integer value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return value;
    }

    static int range(String name, Integer value, int min, int max) {
        int v = required(name, value);
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + v);
        }
        return v;
    }
}
