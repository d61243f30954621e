package org.sipee.media;

import java.util.ArrayDeque;

/**
 * The send side of a stream, driven once per 20 ms by the stream's packet clock: pulls a frame from the
 * current source (tone, WAV, echo), G.711-encodes it and stamps it (RFC 3550 §5.1: random initial
 * sequence and timestamp, marker on the first packet of a talkspurt per RFC 3551 §4.1); a queued DTMF
 * digit takes the place of audio while it lasts (RFC 4733 §2.5.1). Counts packets and payload octets for
 * the SR (§6.4.1). Confined to the event loop except for the volatile counters.
 */
final class SendPath {

    static final int FRAME = ToneGenerator.FRAME_SAMPLES;
    private static final short[] SILENCE = new short[FRAME];

    private final int ssrc;
    private int sequence;
    private long timestamp;
    private long lastSentNanos = -1;
    private long lastSentTimestamp;
    private boolean talkspurtStart = true;
    private volatile long packets;
    private volatile long octets;
    private int payloadType;
    private G711Codec codec = G711Codec.PCMU;
    private int telephoneEvent = -1;
    private MediaSource source;
    private final ArrayDeque<DtmfSender> digits = new ArrayDeque<>();
    private DtmfSender digit;
    private long digitTimestamp;
    private boolean sending = true;
    private boolean muted;

    SendPath(int ssrc, int initialSequence, long initialTimestamp) {
        this.ssrc = ssrc;
        this.sequence = initialSequence & 0xFFFF;
        this.timestamp = initialTimestamp & 0xFFFFFFFFL;
    }

    void configure(int payloadType, G711Codec codec, int telephoneEventPayloadType) {
        this.payloadType = payloadType;
        this.codec = codec;
        this.telephoneEvent = telephoneEventPayloadType;
    }

    /** Replaces the source (the previous one finishes, not completed); null stops audio. */
    void source(MediaSource next) {
        if (source != null) {
            source.finished(false);
        }
        source = next;
        talkspurtStart = true;
    }

    MediaSource source() {
        return source;
    }

    /** False on hold (RFC 3264 §8.4): nothing is sent, but the source keeps its place in time and digits wait. */
    void sending(boolean on) {
        if (on && !sending) {
            talkspurtStart = true;
        }
        sending = on;
    }

    /** Muted: audio goes out as silence (RTP keeps flowing, so NATs and the peer's media timeout stay content). */
    void muted(boolean on) {
        muted = on;
    }

    void queueDigit(DtmfSender d) {
        digits.add(d);
    }

    boolean active() {
        return source != null || digit != null || !digits.isEmpty();
    }

    /** The packet of this 20 ms interval, or null when there is nothing to send. */
    RtpPacket tick(long nowNanos) {
        if (!sending) {
            advanceSilently();
            return null;
        }
        if (digit == null && !digits.isEmpty()) {
            if (telephoneEvent < 0) {
                digits.clear();
            } else {
                resumeClock(nowNanos);
                digit = digits.poll();
                digitTimestamp = timestamp;
            }
        }
        if (digit != null) {
            DtmfSender.Packet d = digit.next();
            RtpPacket p = stamp(telephoneEvent, d.marker(), digitTimestamp + d.timestampOffset(), d.payload(), nowNanos);
            if (digit.done()) {
                digit = null;
                talkspurtStart = true; // audio after the event starts a new talkspurt
            }
            return p;
        }
        if (source == null) {
            return null;
        }
        short[] frame = source.nextFrame();
        if (frame == null) {
            source.finished(true);
            source = null;
            talkspurtStart = true;
            return null;
        }
        if (talkspurtStart) {
            resumeClock(nowNanos);
        }
        RtpPacket p = stamp(payloadType, talkspurtStart, timestamp, codec.encode(muted ? SILENCE : frame), nowNanos);
        talkspurtStart = false;
        return p;
    }

    private void advanceSilently() {
        if (source != null && source.nextFrame() == null) {
            source.finished(true);
            source = null;
        }
    }

    private RtpPacket stamp(int pt, boolean marker, long ts, byte[] payload, long nowNanos) {
        RtpPacket p = new RtpPacket(marker, pt, sequence, ts, ssrc, payload);
        sequence = (sequence + 1) & 0xFFFF;
        timestamp = (timestamp + FRAME) & 0xFFFFFFFFL; // the sampling clock advances one frame per interval
        lastSentNanos = nowNanos;
        lastSentTimestamp = timestamp;
        packets++;
        octets += payload.length;
        return p;
    }

    /** RFC 3550 §5.1: the timestamp follows the sampling clock through silence too. */
    private void resumeClock(long nowNanos) {
        if (lastSentNanos >= 0) {
            long elapsed = (nowNanos - lastSentNanos) * ToneGenerator.SAMPLE_RATE / 1_000_000_000L;
            timestamp = (timestamp + Math.max(0, elapsed - FRAME)) & 0xFFFFFFFFL;
        }
    }

    /** The RTP timestamp that corresponds to {@code nowNanos}, for the SR (§6.4.1). */
    long rtpTimestampAt(long nowNanos) {
        if (lastSentNanos < 0) {
            return timestamp;
        }
        return (lastSentTimestamp - FRAME + (nowNanos - lastSentNanos) * ToneGenerator.SAMPLE_RATE / 1_000_000_000L) & 0xFFFFFFFFL;
    }

    void close() {
        source(null);
        digits.clear();
        digit = null;
    }

    int ssrc() {
        return ssrc;
    }

    long packets() {
        return packets;
    }

    long octets() {
        return octets;
    }
}
