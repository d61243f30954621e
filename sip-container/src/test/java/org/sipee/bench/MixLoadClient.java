package org.sipee.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sipee.media.MediaConfig;
import org.sipee.media.MediaEngine;

/**
 * The phones of {@code sipp/mix-bench.sh}, in their own JVM: the load generator for {@link MixLoadServer}. Opens
 * one RTP stream per conference participant, or two per bridged call, on its own engine; has the server open a
 * stream for each and join them in rooms or bridge them in pairs; every phone then sends a 20 ms G.711 tone to its
 * server stream over loopback and plays out what comes back (the mix of the others, or the far phone). After a
 * settle it measures a steady window: what the phones received (loss, late packets, RFC 3550 A.8 jitter, frames
 * with sound), what the server received, and the CPU of the server process, of its event loops, of this process
 * and of the rest of the machine (the two share the cores). Then it has the server close everything. Prints
 * progress on stderr and one {@code result key=value ...} line on stdout. Arguments: see {@link MixOptions}.
 */
public final class MixLoadClient {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Jitter buffers settle, and this fresh JVM compiles its hot paths and its packet clocks catch up, before the window. */
    private static final Duration SETTLE = Duration.ofSeconds(10);
    /** A bridged call's two phones: each hears the other's tone; a room's phones get distinct tones. */
    private static final double TONE_A_HZ = 440;
    private static final double TONE_B_HZ = 1000;

    private final MixOptions opt;
    private final ProcessProbe client = ProcessProbe.self();
    private final List<String> result = new ArrayList<>();

    private MixLoadClient(MixOptions opt) {
        this.opt = opt;
    }

    public static void main(String[] args) throws Exception {
        MixOptions opt = MixOptions.parse(args);
        MediaEngine phones = MediaEngine.start(new MediaConfig("127.0.0.1", opt.rtpMin(), opt.rtpMax()), null);
        try (MixControl server = new MixControl(opt.controlPort())) {
            System.out.println(new MixLoadClient(opt).run(phones, server));
        } finally {
            phones.close();
        }
    }

    private String run(MediaEngine engine, MixControl server) throws InterruptedException {
        List<MixPhone> phones = new ArrayList<>();
        for (int i = 0; i < opt.phones(); i++) {
            phones.add(new MixPhone(engine.openStream(), opt.codecOf(i).payloadType()));
        }
        List<Integer> ports = phones.stream().map(MixPhone::localPort).toList();
        int[] serverPorts = opt.bridge()
                ? server.bridge(opt.codecA().payloadType(), opt.codecB().payloadType(), ports)
                : server.conference(opt.roomSize(), opt.codecA().payloadType(), ports);
        for (int i = 0; i < phones.size(); i++) {
            phones.get(i).call(new InetSocketAddress(LOOPBACK, serverPorts[i]), toneOf(i));
        }
        put("mode", opt.bridge() ? "bridge" : "conference");
        put("count", opt.count());
        put("layout", opt.bridge() ? opt.codecs() : Integer.toString(opt.roomSize()));
        log("%d phones up (%s %d, %s); settling %d s", phones.size(), opt.bridge() ? "bridged calls" : "participants",
                opt.count(), opt.bridge() ? opt.codecs() : "rooms of " + opt.roomSize(), SETTLE.toSeconds());
        Thread.sleep(SETTLE.toMillis());

        measureWindow(phones, server);

        String closed = server.closeAll();
        put("serverPortsLeft", closed.substring(closed.indexOf('=') + 1));
        return "result " + String.join(" ", result);
    }

    private double toneOf(int phone) {
        if (opt.bridge()) {
            return phone % 2 == 0 ? TONE_A_HZ : TONE_B_HZ;
        }
        return 300 + 100 * (phone % opt.roomSize() % 10); // 300..1200 Hz, so a mix is a chord, not one loud tone
    }

    private void measureWindow(List<MixPhone> phones, MixControl server) throws InterruptedException {
        log("steady window: %d s", opt.steadySeconds());
        Map<String, Long> server0 = server.stats();
        Duration clientCpu0 = client.cpuTime();
        MachineCpu machine0 = MachineCpu.now();
        long start = System.nanoTime();
        phones.forEach(MixPhone::markWindowStart);
        Thread.sleep(Duration.ofSeconds(opt.steadySeconds()).toMillis());
        phones.forEach(MixPhone::markWindowEnd);
        double seconds = (System.nanoTime() - start) / 1e9;
        Duration clientCpu = client.cpuTime().minus(clientCpu0);
        double machinePercent = MachineCpu.now().busyCorePercentSince(machine0);
        Map<String, Long> server1 = server.stats();

        WindowQuality q = WindowQuality.of(phones.stream().map(MixPhone::windowStart).toList(),
                phones.stream().map(MixPhone::windowEnd).toList(), opt.steadySeconds());
        put("sent", q.packetsSent());
        put("received", q.packetsReceived());
        put("sentPct", fmt(q.sentPercent()));
        put("receivedPct", fmt(q.receivedPercent()));
        put("lossPct", pct(q.lossPercent()));
        put("latePct", pct(q.latePercent()));
        put("jitterMeanMs", fmt(q.jitterMeanMs()));
        put("jitterP99Ms", fmt(q.jitterP99Ms()));
        put("mos", fmt(q.mosMean()));
        long played = phones.stream().mapToLong(MixPhone::framesPlayedInWindow).sum();
        long audible = phones.stream().mapToLong(MixPhone::framesAudibleInWindow).sum();
        long concealed = phones.stream().mapToLong(p -> p.windowEnd().concealedFrames() - p.windowStart().concealedFrames()).sum();
        put("audiblePct", fmt(played == 0 ? Double.NaN : 100.0 * audible / played));
        put("concealedPct", fmt(played == 0 ? Double.NaN : 100.0 * concealed / played)); // the phone had no packet to play

        long expectedIn = delta(server0, server1, "expected");
        put("inLossPct", pct(expectedIn == 0 ? Double.NaN : 100.0 * delta(server0, server1, "lost") / expectedIn));
        put("inLatePct", pct(expectedIn == 0 ? Double.NaN : 100.0 * delta(server0, server1, "late") / expectedIn));
        put("relayDropped", delta(server0, server1, "dropped"));
        put("inJitterMeanMs", fmt(server1.get("jitterMeanUs") / 1000.0));

        double serverNanos = delta(server0, server1, "processCpuNs");
        double loopsNanos = delta(server0, server1, "loopsCpuNs");
        double unitSeconds = opt.count() * seconds; // participant·s or bridged call·s
        put("serverUsPerUnitSec", Math.round(serverNanos / 1000 / unitSeconds));
        put("serverCorePctPerUnit", String.format(Locale.ROOT, "%.3f", 100 * serverNanos / 1e9 / unitSeconds));
        put("loopsUsPerUnitSec", Math.round(loopsNanos / 1000 / unitSeconds));
        double serverPercent = 100 * serverNanos / 1e9 / seconds;
        double clientPercent = 100 * clientCpu.toNanos() / 1e9 / seconds;
        put("serverCorePct", fmt(serverPercent));
        put("loopsCorePct", fmt(100 * loopsNanos / 1e9 / seconds));
        put("clientCorePct", fmt(clientPercent));
        put("otherCorePct", fmt(machinePercent - serverPercent - clientPercent));
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String key) {
        return after.get(key) - before.get(key);
    }

    private void put(String key, Object value) {
        result.add(key + "=" + value);
    }

    private static String pct(double percent) {
        return String.format(Locale.ROOT, "%.4f", percent);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static void log(String format, Object... args) {
        System.err.println(LocalTime.now().withNano(0) + " " + String.format(Locale.ROOT, format, args));
    }
}
