package org.sipee.media;

import io.netty.buffer.ByteBuf;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The receive side of a stream as a chain of small nodes, each testable alone:
 * <pre>
 *  RTP decode → ReceiveStatistics (SSRC, A.1 sequence, A.8 jitter, counts)
 *     ├─ telephone-event → DtmfDetector → DTMF listeners
 *     └─ audio → JitterBuffer ⇢ (20 ms playout clock) → G.711 decode → PacketLossConcealment → frame sinks
 * </pre>
 * Sinks (recorder, echo, application listeners) get every 20 ms frame of played-out audio. Runs on the
 * stream's event loop; listeners must not block.
 */
final class ReceivePath {

    private static final System.Logger LOG = System.getLogger(ReceivePath.class.getName());

    private final ReceiveStatistics statistics = new ReceiveStatistics(this::isAudio);
    private final JitterBuffer jitterBuffer;
    private final PacketLossConcealment plc = new PacketLossConcealment();
    private final DtmfDetector dtmf = new DtmfDetector(this::digit);
    private final List<Consumer<short[]>> sinks = new CopyOnWriteArrayList<>();
    private final List<Consumer<DtmfEvent>> dtmfListeners = new CopyOnWriteArrayList<>();
    private volatile int audioPayloadType = 0;
    private volatile G711Codec codec = G711Codec.PCMU;
    private volatile int telephoneEvent = -1;
    private volatile long lastArrivalNanos = -1;
    private volatile long datagrams;
    private volatile long payloadOctets;
    private int ssrc;
    private boolean hasSsrc;
    private static final short[] NOTHING = new short[0];
    /** Decoded samples not played yet: a packet longer than 20 ms spans intervals. */
    private short[] pending = NOTHING;
    /** Samples per packet of the stream (its ptime), for concealing a lost one. */
    private int packetSamples = ToneGenerator.FRAME_SAMPLES;

    ReceivePath(int jitterMinFrames, int jitterMaxFrames) {
        this.jitterBuffer = new JitterBuffer(jitterMinFrames, jitterMaxFrames);
    }

    void configure(int payloadType, G711Codec codec, int telephoneEventPayloadType) {
        this.audioPayloadType = payloadType;
        this.codec = codec;
        this.telephoneEvent = telephoneEventPayloadType;
    }

    private boolean isAudio(int pt) {
        return pt != telephoneEvent && (pt == audioPayloadType || pt == 0 || pt == 8);
    }

    private G711Codec codecFor(int pt) {
        return pt == audioPayloadType ? codec : G711Codec.forPayloadType(pt);
    }

    /**
     * One datagram from the RTP socket: decoded (RFC 3550 §5.1), counted when well-formed, then passed on.
     *
     * @return true when it was RTP accepted from the current source
     */
    boolean onDatagram(ByteBuf datagram, long nowNanos) {
        RtpPacket p;
        try {
            p = RtpPacket.decode(datagram);
        } catch (IllegalArgumentException notRtp) {
            LOG.log(System.Logger.Level.DEBUG, () -> "dropped a non-RTP datagram: " + notRtp.getMessage());
            return false;
        }
        datagrams++;
        payloadOctets += p.payload().length;
        return onPacket(p, nowNanos);
    }

    long datagramsReceived() {
        return datagrams;
    }

    long payloadOctetsReceived() {
        return payloadOctets;
    }

    /**
     * One decoded RTP packet.
     *
     * @return true when the packet was accepted from the current source (for symmetric RTP and timeouts)
     */
    boolean onPacket(RtpPacket p, long nowNanos) {
        long ext = statistics.accept(p, nowNanos);
        if (ext < 0) {
            return false;
        }
        lastArrivalNanos = nowNanos;
        if (!hasSsrc || p.ssrc() != ssrc) {
            jitterBuffer.reset(); // RFC 3550 §8.2: a new source numbers its packets afresh
            ssrc = p.ssrc();
            hasSsrc = true;
        }
        if (p.payloadType() == telephoneEvent) {
            dtmf.accept(p);
        } else if (isAudio(p.payloadType())) {
            jitterBuffer.put(ext, p, nowNanos);
        } // other payload types (comfort noise, unknown): counted only
        return true;
    }

    /**
     * One 20 ms playout interval; returns false when the buffer is idle (nothing was played). A packet carries
     * ptime worth of samples (RFC 3551 §4.5: 20 ms by default, often 30 ms): packets are taken from the jitter
     * buffer until a frame's 160 samples are at hand, and what is left over plays in the next intervals.
     */
    boolean tick(long nowNanos) {
        while (pending.length < ToneGenerator.FRAME_SAMPLES) {
            jitterBuffer.jitter(statistics.jitterMillis());
            JitterBuffer.Playout out = jitterBuffer.poll(nowNanos);
            if (out.kind() == JitterBuffer.Kind.IDLE) {
                pending = NOTHING;
                return false;
            }
            short[] decoded = out.kind() == JitterBuffer.Kind.FRAME ? codecFor(out.packet().payloadType()).decode(out.packet().payload()) : null;
            if (decoded != null) {
                packetSamples = Math.max(1, decoded.length);
            }
            pending = concat(pending, plc.process(decoded, packetSamples));
        }
        short[] frame = pending;
        pending = NOTHING;
        if (frame.length > ToneGenerator.FRAME_SAMPLES) { // the common 20 ms packet is played as it is
            pending = Arrays.copyOfRange(frame, ToneGenerator.FRAME_SAMPLES, frame.length);
            frame = Arrays.copyOf(frame, ToneGenerator.FRAME_SAMPLES);
        }
        for (Consumer<short[]> sink : sinks) {
            try {
                sink.accept(frame);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "audio frame listener failed", e);
            }
        }
        return true;
    }

    private static short[] concat(short[] a, short[] b) {
        if (a.length == 0) {
            return b;
        }
        short[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    boolean idle() {
        return jitterBuffer.idle();
    }

    private void digit(DtmfEvent e) {
        for (Consumer<DtmfEvent> l : dtmfListeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.WARNING, "DTMF listener failed", ex);
            }
        }
    }

    void addSink(Consumer<short[]> sink) {
        sinks.add(sink);
    }

    void removeSink(Consumer<short[]> sink) {
        sinks.remove(sink);
    }

    void addDtmfListener(Consumer<DtmfEvent> l) {
        dtmfListeners.add(l);
    }

    void removeDtmfListener(Consumer<DtmfEvent> l) {
        dtmfListeners.remove(l);
    }

    ReceiveStatistics statistics() {
        return statistics;
    }

    JitterBuffer jitterBuffer() {
        return jitterBuffer;
    }

    long concealedFrames() {
        return plc.concealedFrames();
    }

    long lastArrivalNanos() {
        return lastArrivalNanos;
    }
}
