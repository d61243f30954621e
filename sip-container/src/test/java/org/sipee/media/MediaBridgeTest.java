package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.media.Loopback.LOOPBACK;
import static org.sipee.media.Loopback.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * A bridged call over loopback: caller A (PCMU) talks to leg A', the bridge joins A' to leg B', and B' talks to
 * callee B (PCMA, another telephone-event payload type). A plays 440 Hz and B 1000 Hz; each end's played-out frames
 * are classified by their dominant frequency (Goertzel) among the tones and the DTMF frequencies.
 */
class MediaBridgeTest {

    private static final double[] PROBES = {440, 1000, 697, 770, 852, 941, 1209, 1336, 1477, 1633};

    @Test
    void eachEndHearsTheOtherThroughPcmuToPcmaTranscoding() throws Exception {
        try (Call call = Call.open()) {
            await(() -> call.atB.frames(440) >= 25 && call.atA.frames(1000) >= 25, 5000, "each end hearing the other");
            assertEquals(0, call.atB.frames(1000), "B never hears itself");
            assertEquals(0, call.atA.frames(440), "A never hears itself");
            MediaBridge.Stats stats = call.bridge.stats();
            assertTrue(stats.framesAToB() >= 25 && stats.framesBToA() >= 25, stats.toString());
        }
    }

    @Test
    void digitsCrossAsTelephoneEventsOnceEachWithTheirDuration() throws Exception {
        try (Call call = Call.open()) {
            List<DtmfEvent> atB = new CopyOnWriteArrayList<>();
            call.b.onDtmf(atB::add);
            await(() -> call.atB.frames(440) >= 10, 5000, "the bridge carrying audio");
            call.a.sendDtmf('5', Duration.ofMillis(100));
            call.a.sendDtmf('#', Duration.ofMillis(160));
            call.a.sendDtmf('D', Duration.ofMillis(100)); // a marker: duplicates of 5 or # would arrive before it
            await(() -> atB.size() >= 3, 5000, "three digits at B");
            assertEquals(List.of(new DtmfEvent('5', Duration.ofMillis(100)), new DtmfEvent('#', Duration.ofMillis(160)),
                    new DtmfEvent('D', Duration.ofMillis(100))), atB);
            assertEquals(3, call.bridge.stats().digitsAToB());
            assertEquals(0, call.atB.dtmfFrames.get(), "no digit reached B as audio");
        }
    }

    @Test
    void holdOnOneLegStopsOnlyWhatThatLegSends() throws Exception {
        try (Call call = Call.open()) {
            await(() -> call.atA.frames(1000) >= 10, 5000, "A hearing B");
            call.aLeg.sending(false); // RFC 3264 §8.4: A' sends nothing to A
            after(call.atB.counter(440), 10, "B still hearing A after the hold");
            long atA = call.a.stats().packetsReceived();
            after(call.atB.counter(440), 25, "B still hearing A");
            assertEquals(atA, call.a.stats().packetsReceived(), "nothing reached A while A' held");

            call.aLeg.sending(true);
            after(call.atA.counter(1000), 10, "A hearing B again after the resume");
            assertFalse(call.bridge.ended().isDone());
        }
    }

    @Test
    void unbridgingStopsTheRelayAndRemovesEveryListener() throws Exception {
        try (Call call = Call.open()) {
            await(() -> call.atB.frames(440) >= 10 && call.atA.frames(1000) >= 10, 5000, "the bridge carrying audio");
            call.bridge.close();
            assertTrue(call.bridge.ended().isDone());
            assertEquals(Set.of(), call.aLegListeners.keySet(), "no listener left on A'");
            assertEquals(Set.of(), call.bLegListeners.keySet(), "no listener left on B'");

            after(() -> call.aLeg.stats().packetsReceived(), 10, "A still sending to A'");
            MediaBridge.Stats stats = call.bridge.stats();
            long sentByLegs = call.aLeg.stats().packetsSent() + call.bLeg.stats().packetsSent();
            long atB = call.b.stats().packetsReceived();
            after(() -> call.aLeg.stats().packetsReceived(), 25, "A still sending to A'");
            assertEquals(stats, call.bridge.stats(), "nothing relayed after unbridging");
            assertEquals(sentByLegs, call.aLeg.stats().packetsSent() + call.bLeg.stats().packetsSent(), "the legs play nothing");
            assertEquals(atB, call.b.stats().packetsReceived(), "nothing reaches B");
        }
    }

    @Test
    void closingALegEndsTheBridgeAndFreesTheOther() throws Exception {
        try (Call call = Call.open()) {
            await(() -> call.atA.frames(1000) >= 10, 5000, "A hearing B");
            call.bLeg.close();
            call.bridge.ended().get(3, TimeUnit.SECONDS);
            assertEquals(Set.of(), call.aLegListeners.keySet(), "no listener left on A'");
            assertEquals(Set.of(), call.bLegListeners.keySet(), "no listener left on B'");

            after(() -> call.aLeg.stats().packetsReceived(), 10, "A still sending to A'");
            long atA = call.a.stats().packetsReceived();
            after(() -> call.aLeg.stats().packetsReceived(), 25, "A still sending to A'");
            assertEquals(atA, call.a.stats().packetsReceived(), "A' stopped playing the bridge");
        }
    }

    @Test
    void playingSomethingElseOnALegEndsTheBridge() throws Exception {
        try (Call call = Call.open()) {
            await(() -> call.atA.frames(1000) >= 10, 5000, "A hearing B");
            call.aLeg.playTone(697);
            call.bridge.ended().get(3, TimeUnit.SECONDS);
            after(call.atA.counter(697), 10, "A hearing the new tone");
            long atB = call.b.stats().packetsReceived();
            after(call.atA.counter(697), 25, "A hearing the new tone");
            assertEquals(atB, call.b.stats().packetsReceived(), "B' stopped playing the bridge");
        }
    }

    /** Waits until {@code counter} has grown by {@code more} from now. */
    private static void after(LongSupplier counter, long more, String what) throws InterruptedException {
        long target = counter.getAsLong() + more;
        await(() -> counter.getAsLong() >= target, 5000, what);
    }

    /** The frequency of PROBES that holds most of a frame's energy, or 0 for a quiet or mixed frame. */
    static double dominant(short[] frame) {
        for (double hz : PROBES) {
            if (Loopback.hasTone(frame, hz)) {
                return hz;
            }
        }
        return 0;
    }

    /** True when two DTMF frequencies (RFC 4733 §3.2 digits as audio) hold most of the frame's energy. */
    static boolean dtmfLike(short[] frame) {
        double energy = 0;
        for (short s : frame) {
            energy += s * (double) s;
        }
        double[] p = new double[PROBES.length - 2];
        for (int i = 2; i < PROBES.length; i++) {
            p[i - 2] = Goertzel.power(frame, PROBES[i]);
        }
        java.util.Arrays.sort(p);
        return energy > 300.0 * 300 * frame.length && p[p.length - 1] + p[p.length - 2] > 0.5 * (frame.length / 2.0) * energy;
    }

    /** What one end hears: frames counted by their dominant probe frequency. */
    static final class Heard {
        final Map<Double, AtomicInteger> byTone = new ConcurrentHashMap<>();
        final AtomicInteger dtmfFrames = new AtomicInteger();

        void accept(short[] frame) {
            byTone.computeIfAbsent(dominant(frame), hz -> new AtomicInteger()).incrementAndGet();
            if (dtmfLike(frame)) {
                dtmfFrames.incrementAndGet();
            }
        }

        int frames(double hz) {
            AtomicInteger n = byTone.get(hz);
            return n == null ? 0 : n.get();
        }

        LongSupplier counter(double hz) {
            return () -> frames(hz);
        }
    }

    /** The four streams and the bridge; the legs reach the bridge through proxies that track its listeners. */
    private record Call(MediaEngine engine, RtpStream a, RtpStream aLeg, RtpStream bLeg, RtpStream b, MediaBridge bridge,
                        Heard atA, Heard atB, Map<Object, Boolean> aLegListeners, Map<Object, Boolean> bLegListeners)
            implements AutoCloseable {

        static Call open() {
            int base = Loopback.freeRange(12);
            MediaEngine engine = MediaEngine.start(new MediaConfig("127.0.0.1", base, base + 11), null);
            RtpStream a = engine.openStream();
            RtpStream aLeg = engine.openStream(); // the engine's loops take streams in turn: A' and B' on different loops
            RtpStream bLeg = engine.openStream();
            RtpStream b = engine.openStream();
            a.telephoneEventPayloadType(101);
            aLeg.telephoneEventPayloadType(101);
            bLeg.telephoneEventPayloadType(96);
            b.telephoneEventPayloadType(96);
            a.connect(new InetSocketAddress(LOOPBACK, aLeg.localPort()), 0);
            aLeg.connect(new InetSocketAddress(LOOPBACK, a.localPort()), 0);
            bLeg.connect(new InetSocketAddress(LOOPBACK, b.localPort()), 8);
            b.connect(new InetSocketAddress(LOOPBACK, bLeg.localPort()), 8);
            Heard atA = new Heard();
            Heard atB = new Heard();
            a.onAudio(atA::accept);
            b.onAudio(atB::accept);
            Map<Object, Boolean> aLegListeners = new ConcurrentHashMap<>();
            Map<Object, Boolean> bLegListeners = new ConcurrentHashMap<>();
            MediaBridge bridge = engine.bridge(tracking(aLeg, aLegListeners), tracking(bLeg, bLegListeners));
            a.playTone(440);
            b.playTone(1000);
            return new Call(engine, a, aLeg, bLeg, b, bridge, atA, atB, aLegListeners, bLegListeners);
        }

        /** {@code stream} as a proxy that keeps {@code listeners} current: added by onAudio/onDtmf, removed by their removers. */
        private static RtpStream tracking(RtpStream stream, Map<Object, Boolean> listeners) {
            return (RtpStream) Proxy.newProxyInstance(RtpStream.class.getClassLoader(), new Class<?>[] {RtpStream.class}, (proxy, m, args) -> {
                switch (m.getName()) {
                    case "onAudio", "onDtmf" -> listeners.put(args[0], true);
                    case "removeAudioListener", "removeDtmfListener" -> listeners.remove(args[0]);
                    default -> { }
                }
                try {
                    return m.invoke(stream, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        }

        @Override
        public void close() {
            bridge.close();
            engine.close();
        }
    }
}
