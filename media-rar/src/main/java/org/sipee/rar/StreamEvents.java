package org.sipee.rar;

import java.time.Duration;
import java.util.function.Consumer;

import org.sipee.media.DtmfEvent;
import org.sipee.media.RtpStream;
import org.sipee.media.RtpStreamStats;

/**
 * The media events of one call's stream, in the order they happened: MediaStarted before anything that needs media
 * (a digit, a report), nothing after MediaStopped. Called from the stream's event loop (a digit, the timeout), the
 * dispatcher's tick and the thread closing the stream; each only builds an event and hands it on (never blocks).
 */
final class StreamEvents {

    private final String callId;
    private final RtpStream stream;
    private final Consumer<MediaEvent> out;
    private final long reportNanos;
    private boolean started;
    private boolean stopped;
    private long nextReportAt;
    private long reportedPackets;

    /**
     * @param out         takes each event (must not block)
     * @param reportEvery how often a QualityReport goes out while RTP arrives
     */
    StreamEvents(String callId, RtpStream stream, Consumer<MediaEvent> out, Duration reportEvery) {
        this.callId = callId;
        this.stream = stream;
        this.out = out;
        this.reportNanos = reportEvery.toNanos();
    }

    String callId() {
        return callId;
    }

    synchronized void dtmf(DtmfEvent digit) {
        if (!stopped) {
            start(System.nanoTime());
            out.accept(MediaEvent.dtmf(callId, stream.localPort(), digit));
        }
    }

    synchronized void mediaTimeout(Duration timeout) {
        if (!stopped) {
            out.accept(MediaEvent.timedOut(callId, stream.localPort(), timeout));
        }
    }

    /** Periodic (the dispatcher's clock): MediaStarted once RTP arrived, then a QualityReport per interval with new packets. */
    synchronized void tick(long nowNanos) {
        if (stopped || (started && nowNanos - nextReportAt < 0)) {
            return; // the common case costs no counter read
        }
        RtpStreamStats stats = stream.stats();
        if (!started) {
            if (stats.packetsReceived() > 0) {
                start(nowNanos);
            }
            return;
        }
        if (stats.packetsReceived() > reportedPackets) {
            report();
        }
        nextReportAt = nowNanos + reportNanos;
    }

    /**
     * The stream is being closed: the final counters and quality in one event (read before the engine closes it; one
     * message where a last QualityReport and MediaStopped were two, the broker's work per call).
     */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        out.accept(MediaEvent.stopped(callId, stream.localPort(), stream.stats(), stream.quality()));
    }

    private void start(long nowNanos) {
        if (!started) {
            started = true;
            nextReportAt = nowNanos + reportNanos;
            out.accept(MediaEvent.started(callId, stream.localPort(), stream.remoteAddress()));
        }
    }

    private void report() {
        reportedPackets = stream.stats().packetsReceived(); // the counter tick() compares
        out.accept(MediaEvent.quality(callId, stream.localPort(), stream.quality()));
    }
}
