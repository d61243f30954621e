package org.sipee.bench;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.sipee.media.MediaConfig;
import org.sipee.media.MediaEngine;
import org.sipee.media.RtpStream;
import org.sipee.media.StreamQuality;
import org.sipee.sdp.NegotiatedMedia;
import org.sipee.sdp.SdpAnswerer;
import org.sipee.sdp.SdpNegotiationException;
import org.sipee.sip.SipStack;
import org.sipee.sip.SipStackConfig;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.InboundCall;
import org.sipee.sip.ua.UserAgentListener;

/**
 * Load target for SIPp: the bare engine (no application server) answering every INVITE like the demo
 * does — 180, SDP answer, RTP stream playing 440 Hz, 200 OK — and closing the stream when the call ends.
 * Calls to {@code sip:echo@...} get their audio echoed back instead (the target of {@link MediaLoadClient}).
 * Handler work runs on a small worker pool, never on the stack's event loop, as it does in the server.
 * Prints the engine's counters every 5 s and on exit (Ctrl-C / SIGTERM), with what the ended calls'
 * streams received (rx: packets expected, lost, late).
 *
 * <pre>java ... org.sipee.bench.StandaloneUas [sipPort=5090] [rtpMin=30000] [rtpMax=39999] [workers=2]</pre>
 */
public final class StandaloneUas {

    /** A call's stream, or the news that the call ended before its INVITE handler stored one. */
    private static final class CallMedia {
        private RtpStream stream;
        private boolean ended;

        /** False when the call already ended: the caller must close the stream. */
        synchronized boolean attach(RtpStream s) {
            if (!ended) {
                stream = s;
            }
            return !ended;
        }

        synchronized RtpStream end() {
            ended = true;
            return stream;
        }
    }

    private final MediaEngine media;
    private final SdpAnswerer answerer;
    private final ExecutorService workers;
    private final Map<InboundCall, CallMedia> calls = new ConcurrentHashMap<>();
    private final AtomicLong invites = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    private final Map<CallEndReason, AtomicLong> endReasons = new ConcurrentHashMap<>();
    private final AtomicLong rxExpected = new AtomicLong();
    private final AtomicLong rxLost = new AtomicLong();
    private final AtomicLong rxLate = new AtomicLong();
    private volatile SipStack sip;

    private StandaloneUas(MediaEngine media, ExecutorService workers) {
        this.media = media;
        this.answerer = new SdpAnswerer(media.advertisedAddress());
        this.workers = workers;
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 5090;
        int rtpMin = args.length > 1 ? Integer.parseInt(args[1]) : 30000;
        int rtpMax = args.length > 2 ? Integer.parseInt(args[2]) : 39999;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;

        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "uas-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        MediaEngine media = MediaEngine.start(new MediaConfig("127.0.0.1", rtpMin, rtpMax), null);
        StandaloneUas uas = new StandaloneUas(media, workers);
        uas.sip = SipStack.start(SipStackConfig.defaults("127.0.0.1", port), null, uas.listener());

        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "uas-stats");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> System.out.println(uas.statsLine()), 5, 5, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ticker.shutdownNow();
            System.out.println("exit " + uas.statsLine());
            uas.sip.close();
            workers.shutdown();
            try {
                workers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            media.close();
        }, "uas-shutdown"));
        System.out.println("StandaloneUas: SIP on " + uas.sip.localAddress() + ", RTP " + rtpMin + "-" + rtpMax
                + ", " + threads + " worker threads, pid " + ProcessHandle.current().pid());
        Thread.currentThread().join(); // until the JVM is stopped
    }

    private String statsLine() {
        return String.format("%tT %s ports=%d streams=%d benchCalls=%d invites=%d answered=%d rejected=%d ended=%d %s"
                        + " rx: expected=%d lost=%d late=%d",
                System.currentTimeMillis(), sip.stats(), media.portsInUse(), media.openStreams(), calls.size(),
                invites.get(), answered.get(), rejected.get(), ended.get(), endReasons,
                rxExpected.get(), rxLost.get(), rxLate.get());
    }

    /** Everything the stack reports is handed to the workers at once: the event loop is never held up. */
    private UserAgentListener listener() {
        return new UserAgentListener() {
            @Override
            public void onInvite(InboundCall call) {
                invites.incrementAndGet();
                calls.put(call, new CallMedia()); // before any worker can see the call end
                workers.execute(() -> answer(call));
            }

            @Override
            public void onAck(InboundCall call) {
                // nothing to do: the tone already plays
            }

            @Override
            public void onCallEnded(InboundCall call, CallEndReason reason) {
                ended.incrementAndGet();
                endReasons.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
                workers.execute(() -> closeStream(call));
            }
        };
    }

    /** What the demo does: ring, answer the offer, play 440 Hz (or echo), accept. */
    private void answer(InboundCall call) {
        call.sendProvisional(180, "Ringing", null);
        String offer = call.remoteSdp();
        if (offer == null) {
            reject(call, 488, "Not Acceptable Here");
            return;
        }
        RtpStream stream;
        try {
            stream = media.openStream();
        } catch (RuntimeException e) {
            reject(call, 503, "Service Unavailable");
            return;
        }
        NegotiatedMedia negotiated;
        try {
            negotiated = answerer.answer(offer, stream.localPort());
        } catch (SdpNegotiationException e) {
            stream.close();
            reject(call, 488, "Not Acceptable Here");
            return;
        }
        CallMedia slot = calls.get(call);
        if (slot == null || !slot.attach(stream)) { // the caller gave up meanwhile
            stream.close();
            return;
        }
        InetSocketAddress remote = negotiated.remoteRtp();
        if (remote != null && !remote.isUnresolved()) {
            stream.connect(remote, negotiated.payloadType(), negotiated.encodingName());
        }
        if (call.requestUri().startsWith("sip:echo@")) {
            stream.echo();
        } else {
            stream.playTone(440);
        }
        call.accept(negotiated.answerSdp());
        answered.incrementAndGet();
    }

    private void reject(InboundCall call, int status, String reason) {
        rejected.incrementAndGet();
        calls.remove(call);
        call.reject(status, reason);
    }

    private void closeStream(InboundCall call) {
        CallMedia slot = calls.remove(call);
        RtpStream stream = slot == null ? null : slot.end();
        if (stream != null) {
            StreamQuality q = stream.quality();
            rxExpected.addAndGet(q.packetsExpected());
            rxLost.addAndGet(q.packetsLost());
            rxLate.addAndGet(q.latePackets());
            stream.close();
        }
    }
}
