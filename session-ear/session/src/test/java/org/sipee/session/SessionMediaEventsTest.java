package org.sipee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipee.media.MediaConfig;
import org.sipee.media.MediaEngine;
import org.sipee.sip.ua.CallEndReason;

/** The adapter's media events, as message properties, applied to the application's sessions. */
class SessionMediaEventsTest {

    private static final String CALL = "media-events";

    private final SessionRegistry registry = new SessionRegistry();
    private final SessionMediaEvents events = new SessionMediaEvents(registry);
    private MediaEngine media;
    private WireCall wire;
    private CallSession session;

    @BeforeEach
    void start() {
        media = MediaEngine.start(new MediaConfig("127.0.0.1", 42300, 42399), null);
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.terminating(CallEndReason.REMOTE_BYE);
        }
        media.close();
    }

    @Test
    void startedAndLatestQualityAreKeptOnTheSession() {
        connected(Duration.ZERO);
        assertFalse(session.mediaStarted());
        assertTrue(session.mediaQuality().isEmpty());
        events.apply(event("MediaStarted")::get);
        assertTrue(session.mediaStarted());

        Map<String, Object> report = event("QualityReport");
        report.put("eventTime", 1_700_000_000_000L);
        report.put("packetsReceived", 250L);
        report.put("packetsLost", 3L);
        report.put("fractionLost", 0.012);
        report.put("jitterMs", 1.25);
        report.put("mos", 4.3);
        events.apply(report::get);
        MediaQuality quality = session.mediaQuality().orElseThrow();
        assertEquals(Instant.ofEpochMilli(1_700_000_000_000L), quality.reportedAt());
        assertEquals(250, quality.packetsReceived());
        assertEquals(3, quality.packetsLost());
        assertEquals(0.012, quality.fractionLost());
        assertEquals(1.25, quality.jitterMs());
        assertEquals(4.3, quality.mos());
        assertTrue(Double.isNaN(quality.roundTripMs()), "not in the message: not known yet");
    }

    @Test
    void mediaFailureFailsTheMediaOfAConnectedCall() {
        connected(Duration.ZERO);
        int streams = media.openStreams();
        events.apply(event("MediaFailure")::get);
        assertEquals(MediaState.Failed, session.mediaState());
        assertEquals(streams - 1, media.openStreams(), "the failed stream is closed");
        events.apply(event("MediaFailure")::get); // again, e.g. after the session's own timeout
        assertEquals(MediaState.Failed, session.mediaState());
    }

    @Test
    void mediaFailureBeforeTheAnswerIsIgnored() {
        wire = new WireCall(CALL, offer());
        session = new CallSession(wire.call(), new EngineAccess(new MediaOnlyConnections(media)));
        registry.add(session);
        session.earlyMedia(); // early media may be one-way: the caller need not send
        events.apply(event("MediaFailure")::get);
        assertEquals(MediaState.Configured, session.mediaState());
    }

    @Test
    void eventsOfOtherCallsAreIgnored() {
        connected(Duration.ZERO);
        Map<String, Object> other = event("MediaFailure");
        other.put("callId", "someone-elses-call");
        events.apply(other::get);
        assertEquals(MediaState.Active, session.mediaState());
    }

    /** The session's own media timeout fails the media before its BYE releases it (MediaFailure may come later or never). */
    @Test
    void mediaTimeoutFailsTheMediaThenHangsUp() throws Exception {
        connected(Duration.ofMillis(200));
        await(() -> wire.sent.contains("BYE"), "BYE after 200 ms without RTP");
        assertEquals(MediaState.Failed, session.mediaState());
    }

    private void connected(Duration mediaTimeout) {
        wire = new WireCall(CALL, offer());
        session = new CallSession(wire.call(), new EngineAccess(new MediaOnlyConnections(media, mediaTimeout)));
        registry.add(session);
        session.answer();
        session.acknowledged();
        assertEquals(MediaState.Active, session.mediaState());
    }

    private static Map<String, Object> event(String type) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("sipeeEvent", type);
        properties.put("callId", CALL);
        return properties;
    }

    /** A PCMU offer pointing at a port nobody sends from: the caller stays silent. */
    private static String offer() {
        return "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 42398 RTP/AVP 0\r\na=sendrecv\r\n";
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
