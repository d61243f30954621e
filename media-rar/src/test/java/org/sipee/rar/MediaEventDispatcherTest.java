package org.sipee.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipee.media.MediaConfig;
import org.sipee.media.MediaEngine;
import org.sipee.media.RtpStream;

/**
 * The streams the adapter hands out with media events on, against a caller that is another stream of a real engine:
 * the events come in order, and the application keeps its DTMF listener and media timeout.
 */
class MediaEventDispatcherTest {

    private static final int TE = 101;

    private final List<MediaEvent> published = new CopyOnWriteArrayList<>();
    private final AtomicBoolean jmsClosed = new AtomicBoolean();
    private MediaEngine media;
    private MediaEventDispatcher dispatcher;
    private RtpStream caller;
    private RtpStream ours;

    @BeforeEach
    void start() {
        media = MediaEngine.start(new MediaConfig("127.0.0.1", 42400, 42499), null);
        dispatcher = new MediaEventDispatcher(task -> new Thread(task, "test-media-events").start(), published::add,
                () -> jmsClosed.set(true), Duration.ofMillis(300));
        caller = media.openStream();
        ours = dispatcher.track("call-1", media.openStream());
        caller.telephoneEventPayloadType(TE);
        ours.telephoneEventPayloadType(TE);
        caller.connect(new InetSocketAddress("127.0.0.1", ours.localPort()), 0);
        ours.connect(new InetSocketAddress("127.0.0.1", caller.localPort()), 0);
    }

    @AfterEach
    void stop() {
        caller.close();
        ours.close();
        dispatcher.close();
        media.close();
    }

    @Test
    void startDigitReportsAndStopInOrderWhileTheApplicationStillHearsTheDigit() throws Exception {
        List<Character> heardByApplication = new CopyOnWriteArrayList<>();
        ours.onDtmf(event -> heardByApplication.add(event.digit()));
        caller.playTone(440);
        await(() -> types().contains("MediaStarted"), "MediaStarted");
        caller.sendDtmf('7', Duration.ofMillis(100));
        await(() -> types().contains("DtmfReceived") && !heardByApplication.isEmpty(), "the digit, published and heard");
        await(() -> types().contains("QualityReport"), "a periodic report while RTP arrives");
        ours.close();
        await(() -> types().contains("MediaStopped"), "MediaStopped");

        List<String> types = types();
        assertEquals("MediaStarted", types.get(0), types.toString());
        assertEquals(List.of('7'), heardByApplication);
        assertEquals("7", of("DtmfReceived").get(0).properties().get("digit"));
        assertEquals("MediaStopped", types.get(types.size() - 1), types.toString());
        var stopped = published.get(published.size() - 1).properties();
        assertTrue((Long) stopped.get("packetsReceived") > 0);
        assertTrue(stopped.containsKey("jitterMs"), "the final quality is in MediaStopped: " + stopped);
        published.forEach(e -> assertEquals("call-1", e.callId()));
    }

    @Test
    void mediaTimeoutRunsTheApplicationsCallbackAndIsReported() throws Exception {
        AtomicInteger timeouts = new AtomicInteger();
        ours.onMediaTimeout(Duration.ofMillis(200), timeouts::incrementAndGet);
        await(() -> timeouts.get() == 1 && types().contains("MediaFailure"), "the application's timeout and MediaFailure");
        var failure = of("MediaFailure").get(0).properties();
        assertEquals("MediaTimeout", failure.get("reason"));
        assertEquals("no RTP for 200 ms", failure.get("message"));
    }

    /** A second stream's longer timeout is the clock: when it fires, the disarmed one would have fired long before. */
    @Test
    void timeoutTheApplicationDisarmedIsNotReported() throws Exception {
        ours.onMediaTimeout(Duration.ofMillis(200), () -> { });
        ours.onMediaTimeout(Duration.ofMillis(200), null); // e.g. on hold
        try (RtpStream other = dispatcher.track("call-2", media.openStream())) {
            other.connect(new InetSocketAddress("127.0.0.1", caller.localPort()), 0);
            other.onMediaTimeout(Duration.ofMillis(600), () -> { });
            await(() -> published.stream().anyMatch(e -> e.callId().equals("call-2")), "call-2's MediaFailure");
        }
        assertFalse(published.stream().anyMatch(e -> e.callId().equals("call-1")), published.toString());
    }

    @Test
    void closePublishesWhatWasReportedAndClosesJms() {
        ours.close();
        dispatcher.close();
        assertEquals(List.of("MediaStopped"), types());
        assertTrue(jmsClosed.get());
    }

    private List<String> types() {
        return published.stream().map(MediaEvent::type).toList();
    }

    private List<MediaEvent> of(String type) {
        return published.stream().filter(e -> e.type().equals(type)).toList();
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
