package org.sipee.bench;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import org.sipee.media.MediaConfig;
import org.sipee.media.MediaEngine;
import org.sipee.media.PortsExhaustedException;
import org.sipee.media.StreamQuality;
import org.sipee.sdp.SdpOfferer;
import org.sipee.sip.SipStack;
import org.sipee.sip.SipStackConfig;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.InboundCall;
import org.sipee.sip.ua.UserAgentListener;

/**
 * The engine's own load client for concurrent calls with bidirectional G.711 media. Places CALLS calls to
 * {@code sip:echo@HOST:PORT} at a fixed rate, each with its own RTP stream offering PCMU and playing a
 * 1 kHz tone that the target echoes back; holds them all for a steady window, measures what came back
 * (loss, late packets, jitter, MOS) and the CPU both processes spent, hangs up, and checks that the target
 * released its RTP ports. Prints progress on stderr and one {@code result key=value ...} line on stdout.
 * Arguments: see {@link LoadOptions}.
 */
public final class MediaLoadClient {

    /** Timers B and F give up on an INVITE or BYE after 64·T1 = 32 s; every call has its outcome by then. */
    private static final Duration TRANSACTION_DEADLINE = Duration.ofSeconds(40);
    /**
     * Between the last answer and the window: the last calls' jitter buffers start playing, and the transients of
     * the ramp (young collections while the heap grows, late JIT compiles) pass; they are not the steady state.
     */
    private static final Duration SETTLE = Duration.ofSeconds(5);
    /** The far end's RTCP BYE carries its final report about our packets; wait this long for it. */
    private static final Duration FINAL_RTCP_GRACE = Duration.ofSeconds(1);
    private static final Duration RELEASE_DEADLINE = Duration.ofSeconds(15);
    private static final long MIB = 1024;

    private final LoadOptions opt;
    private final ProcessProbe server;
    private final ProcessProbe client = ProcessProbe.self();
    private final List<String> result = new ArrayList<>();

    private MediaLoadClient(LoadOptions opt) {
        this.opt = opt;
        this.server = opt.serverPid() > 0 ? new ProcessProbe(opt.serverPid()) : null;
    }

    public static void main(String[] args) throws Exception {
        LoadOptions opt = LoadOptions.parse(args);
        MediaEngine media = MediaEngine.start(new MediaConfig(opt.targetHost(), opt.rtpMin(), opt.rtpMax()), null);
        SipStack sip = SipStack.start(SipStackConfig.defaults(opt.targetHost(), opt.sipPort()).withTransports(List.of("UDP")),
                null, REJECT_INBOUND);
        try {
            System.out.println(new MediaLoadClient(opt).run(media, sip));
        } finally {
            sip.close();
            media.close();
        }
    }

    private String run(MediaEngine media, SipStack sip) throws InterruptedException {
        log("placing %d calls to %s at %.0f/s", opt.calls(), opt.target(), opt.callsPerSecond());
        List<BenchCall> calls = new ArrayList<>(opt.calls());
        SdpOfferer offerer = new SdpOfferer(media.advertisedAddress());
        paced(opt.calls(), i -> calls.add(place(media, sip, offerer)));
        awaitAll(calls.stream().map(BenchCall::established).toList(), TRANSACTION_DEADLINE);
        List<BenchCall> up = calls.stream().filter(BenchCall::isUp).toList();
        put("calls", opt.calls());
        put("ok", up.size());
        put("failed", opt.calls() - up.size());
        log("%d calls up, %d failed; settling %d s", up.size(), opt.calls() - up.size(), SETTLE.toSeconds());
        Thread.sleep(SETTLE.toMillis());

        measureWindow(up);

        log("hanging up");
        paced(up.size(), i -> up.get(i).hangUp());
        awaitAll(up.stream().map(BenchCall::ended).toList(), TRANSACTION_DEADLINE);
        Thread.sleep(FINAL_RTCP_GRACE.toMillis());
        List<StreamQuality> finals = up.stream().map(BenchCall::quality).toList();
        put("remoteLossPct", pct(WindowQuality.remoteLossPercent(finals)));
        calls.forEach(BenchCall::closeStream);

        checkReleased(media);
        return "result " + String.join(" ", result);
    }

    /** Holds every call for the steady window and records what came back and what it cost. */
    private void measureWindow(List<BenchCall> up) throws InterruptedException {
        log("steady window: %d s", opt.steadySeconds());
        Duration serverCpu0 = server == null ? null : server.cpuTime();
        Duration clientCpu0 = client.cpuTime();
        MachineCpu machine0 = MachineCpu.now();
        up.forEach(BenchCall::markWindowStart);
        Thread.sleep(TimeUnit.SECONDS.toMillis(opt.steadySeconds()));
        up.forEach(BenchCall::markWindowEnd);
        Duration clientCpu = client.cpuTime().minus(clientCpu0);
        Duration serverCpu = server == null ? null : server.cpuTime().minus(serverCpu0);
        double machinePercent = MachineCpu.now().busyCorePercentSince(machine0);
        put("dropped", up.stream().filter(c -> !c.isUp()).count()); // ended during the window without our BYE

        WindowQuality q = WindowQuality.of(up, opt.steadySeconds());
        put("sent", q.packetsSent());
        put("received", q.packetsReceived());
        put("sentPct", fmt(q.sentPercent()));
        put("receivedPct", fmt(q.receivedPercent()));
        put("lossPct", pct(q.lossPercent()));
        put("late", q.latePackets());
        put("latePct", pct(q.latePercent()));
        put("jitterMeanMs", fmt(q.jitterMeanMs()));
        put("jitterP99Ms", fmt(q.jitterP99Ms()));
        put("mos", fmt(q.mosMean()));
        put("clientCorePct", fmt(corePercent(clientCpu)));
        if (serverCpu != null) {
            double streamSeconds = (double) up.size() * opt.steadySeconds();
            put("serverUsPerStreamSec", Long.toString(Math.round(serverCpu.toNanos() / 1000.0 / streamSeconds)));
            put("serverCorePct", fmt(corePercent(serverCpu)));
            put("serverHeapMiB", Long.toString(server.heapUsedKib() / MIB));
            // what the rest of the machine took from the two cores meanwhile
            put("otherCorePct", fmt(machinePercent - corePercent(clientCpu) - corePercent(serverCpu)));
        }
    }

    /** Waits (bounded) until the target and we have closed every RTP socket of the calls. */
    private void checkReleased(MediaEngine media) throws InterruptedException {
        long deadline = System.nanoTime() + RELEASE_DEADLINE.toNanos();
        awaitTrue(() -> media.portsInUse() == 0, deadline);
        put("clientPortsLeft", media.portsInUse());
        if (server != null) {
            awaitTrue(() -> server.udpSocketsInRange(opt.serverRtpMin(), opt.serverRtpMax()) == 0, deadline);
            put("leakedPorts", server.udpSocketsInRange(opt.serverRtpMin(), opt.serverRtpMax()));
            put("serverHeapAfterMiB", Long.toString(server.heapUsedKib() / MIB));
        }
    }

    private BenchCall place(MediaEngine media, SipStack sip, SdpOfferer offerer) {
        try {
            return BenchCall.place(sip.userAgent(), opt.from(), opt.target(), offerer, media.openStream());
        } catch (PortsExhaustedException e) {
            log("%s", e.getMessage());
            return BenchCall.failed();
        }
    }

    /** Runs {@code action} n times at the ramp rate (a fixed schedule, so a slow action does not slow the rate). */
    private void paced(int n, IntConsumer action) {
        long start = System.nanoTime();
        long gapNanos = (long) (1e9 / opt.callsPerSecond());
        for (int i = 0; i < n; i++) {
            long wait = start + i * gapNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            action.accept(i);
        }
    }

    private static void awaitAll(List<? extends CompletableFuture<?>> futures, Duration deadline) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log("%d of %d still pending after %d s", futures.stream().filter(f -> !f.isDone()).count(), futures.size(),
                    deadline.toSeconds());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, long deadlineNanos) throws InterruptedException {
        while (!condition.getAsBoolean() && System.nanoTime() < deadlineNanos) {
            Thread.sleep(100);
        }
    }

    private double corePercent(Duration cpu) {
        return 100.0 * cpu.toNanos() / TimeUnit.SECONDS.toNanos(opt.steadySeconds());
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

    /** We only call out; a call to us is declined. */
    private static final UserAgentListener REJECT_INBOUND = new UserAgentListener() {
        @Override
        public void onInvite(InboundCall call) {
            call.reject(603, "Decline");
        }

        @Override
        public void onAck(InboundCall call) {
        }

        @Override
        public void onCallEnded(InboundCall call, CallEndReason reason) {
        }
    };
}
