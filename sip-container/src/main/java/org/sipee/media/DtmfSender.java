package org.sipee.media;

/**
 * Produces the telephone-event packets of one DTMF digit, one per packet interval (RFC 4733 §2.5.1):
 * a first packet with the marker bit, updates with the growing duration and the same timestamp, then
 * the final packet with the E bit sent three times (§2.5.1.4). An event longer than 0xFFFF timestamp
 * units is split into segments, each starting at the previous timestamp plus 0xFFFF, without marker
 * and without E on all but the last (§2.5.1.3). Not thread-safe; the stream's event loop drives it.
 */
final class DtmfSender {

    /** One packet: payload, marker, and timestamp as an offset from the event's start. */
    record Packet(boolean marker, long timestampOffset, byte[] payload) {
    }

    static final int END_REPEATS = 3;
    static final int DEFAULT_VOLUME = 10; // -10 dBm0

    private final int event;
    private final int totalDuration;
    private final int samplesPerPacket;
    private int elapsed;
    private long segmentStart;
    private int endsSent;
    private boolean first = true;

    /** @param durationSamples the event's length in 8 kHz timestamp units */
    DtmfSender(char digit, int durationSamples, int samplesPerPacket) {
        if (durationSamples < samplesPerPacket) {
            throw new IllegalArgumentException("DTMF duration must be at least one packet (" + samplesPerPacket + " samples)");
        }
        this.event = TelephoneEvent.eventOf(digit);
        this.totalDuration = durationSamples;
        this.samplesPerPacket = samplesPerPacket;
    }

    boolean done() {
        return endsSent == END_REPEATS;
    }

    /** The packet for this packet interval; call once per interval until {@link #done()}. */
    Packet next() {
        if (done()) {
            throw new IllegalStateException("event already ended");
        }
        boolean marker = first;
        first = false;
        if (elapsed < totalDuration) {
            elapsed = Math.min(totalDuration, elapsed + samplesPerPacket);
            long segment = elapsed - segmentStart;
            if (segment > TelephoneEvent.MAX_DURATION || segment == TelephoneEvent.MAX_DURATION && elapsed < totalDuration) {
                // §2.5.1.3: this segment is full; report it at 0xFFFF, continue in a new one
                Packet full = packet(marker, false, TelephoneEvent.MAX_DURATION);
                segmentStart += TelephoneEvent.MAX_DURATION;
                return full;
            }
            if (elapsed < totalDuration) {
                return packet(marker, false, (int) segment);
            }
        }
        endsSent++; // §2.5.1.4: the final packet, E set, three times with the same timestamp and duration
        return packet(marker, true, (int) (totalDuration - segmentStart));
    }

    private Packet packet(boolean marker, boolean end, int duration) {
        return new Packet(marker, segmentStart, new TelephoneEvent(event, end, DEFAULT_VOLUME, duration).encode());
    }
}
