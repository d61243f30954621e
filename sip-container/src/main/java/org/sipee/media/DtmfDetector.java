package org.sipee.media;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Turns received telephone-event packets into digits, each reported once (RFC 4733 §2.5.2): packets of
 * one event share a timestamp; the first with the E bit reports the digit, retransmitted end packets
 * (§2.5.1.4) and stale packets of earlier events are ignored. A segment that continues a long event
 * (§2.5.1.3: timestamp = previous + previous duration) adds to its duration. An event whose end packets
 * were all lost is reported when the next event starts. Not thread-safe; runs on the event loop.
 */
final class DtmfDetector {

    private final Consumer<DtmfEvent> listener;
    private boolean active;
    private long timestamp;
    private int event;
    private long previousSegments;
    private int duration;
    private boolean reported;

    DtmfDetector(Consumer<DtmfEvent> listener) {
        this.listener = listener;
    }

    void accept(RtpPacket packet) {
        TelephoneEvent te;
        try {
            te = TelephoneEvent.decode(packet.payload());
        } catch (IllegalArgumentException malformed) {
            return;
        }
        long ts = packet.timestamp();
        if (active && ts != timestamp) {
            int age = (int) (ts - timestamp); // serial comparison of 32-bit timestamps
            if (age < 0) {
                return; // a late packet of an earlier event
            }
            if (!reported && te.event() == event && ts == ((timestamp + duration) & 0xFFFFFFFFL) && !packet.marker()) {
                previousSegments += duration; // §2.5.1.3: next segment of the same long event
                timestamp = ts;
                duration = 0;
            } else {
                if (!reported) {
                    report(); // its end packets were lost
                }
                active = false;
            }
        }
        if (!active) {
            active = true;
            timestamp = ts;
            event = te.event();
            previousSegments = 0;
            duration = 0;
            reported = false;
        }
        if (te.event() != event) {
            return;
        }
        duration = Math.max(duration, te.duration());
        if (te.end() && !reported) {
            report();
        }
    }

    private void report() {
        reported = true;
        char digit = TelephoneEvent.digitOf(event);
        if (digit != 0) {
            listener.accept(new DtmfEvent(digit, Duration.ofNanos((previousSegments + duration) * 1_000_000_000L / 8000)));
        }
    }
}
