package org.sipee.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.sipee.media.ConferenceParticipant;
import org.sipee.media.MediaBridge;
import org.sipee.media.MediaConference;
import org.sipee.media.MediaConfig;
import org.sipee.media.MediaEngine;
import org.sipee.media.RtpStream;
import org.sipee.media.StreamQuality;

/**
 * The engine under test of {@code sipp/mix-bench.sh}: a MediaEngine alone in its JVM, so that its CPU is not mixed
 * with the load generator's, whose streams {@link MixLoadClient}'s phones feed over loopback UDP, joined in
 * conference rooms or bridged in pairs. Driven over a line protocol on a local TCP control port, one reply line
 * per command:
 * <pre>
 * conference ROOM_SIZE PAYLOAD_TYPE PHONE_PORT...     -> ports PORT...   one stream per phone, rooms filled in order
 * bridge PAYLOAD_TYPE_A PAYLOAD_TYPE_B PHONE_PORT...  -> ports PORT...   phones in pairs (a, b), one leg each
 * stats                                               -> stats key=value...   CPU so far, what the streams received
 * close                                               -> closed portsLeft=N   every room, bridge and stream closed
 * </pre>
 * A command that fails gets {@code error MESSAGE}. Runs until killed:
 * {@code java ... org.sipee.bench.MixLoadServer [rtp=42000-44999]}; prints {@code MixLoadServer: control PORT pid PID}.
 */
public final class MixLoadServer {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** The engine's event-loop threads (MediaEngine names them so when it makes its own). */
    private static final String LOOP_THREAD_PREFIX = "sipee-rtp";
    private static final long RELEASE_DEADLINE_MILLIS = 15_000;

    private final MediaEngine engine;
    private final ProcessProbe self = ProcessProbe.self();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<RtpStream> streams = new ArrayList<>();
    private final List<MediaConference> rooms = new ArrayList<>();
    private final List<ConferenceParticipant> participants = new ArrayList<>();
    private final List<MediaBridge> bridges = new ArrayList<>();

    private MixLoadServer(MediaEngine engine) {
        this.engine = engine;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int[] rtp = LoadOptions.range(args.length > 0 ? args[0] : "42000-44999");
        MixLoadServer server = new MixLoadServer(MediaEngine.start(new MediaConfig("127.0.0.1", rtp[0], rtp[1]), null));
        try (ServerSocket control = new ServerSocket(0, 1, LOOPBACK)) {
            System.out.println("MixLoadServer: control " + control.getLocalPort() + " pid " + ProcessHandle.current().pid()
                    + ", RTP " + rtp[0] + "-" + rtp[1]);
            while (true) { // one client at a time, one per measured level
                try (Socket client = control.accept()) {
                    server.serve(client);
                }
            }
        }
    }

    private void serve(Socket client) throws IOException, InterruptedException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String reply;
            try {
                reply = handle(line.trim().split(" "));
            } catch (RuntimeException e) {
                reply = "error " + e;
            }
            out.println(reply);
        }
        close(); // a client that went away leaves nothing running into the next level
    }

    private String handle(String[] words) throws InterruptedException {
        int[] n = Arrays.stream(words).skip(1).mapToInt(Integer::parseInt).toArray();
        return switch (words[0]) {
            case "conference" -> conference(n[0], n[1], Arrays.copyOfRange(n, 2, n.length));
            case "bridge" -> bridge(n[0], n[1], Arrays.copyOfRange(n, 2, n.length));
            case "stats" -> stats();
            case "close" -> close();
            default -> throw new IllegalArgumentException("unknown command " + words[0]);
        };
    }

    private String conference(int roomSize, int payloadType, int[] phonePorts) {
        StringBuilder ports = new StringBuilder("ports");
        for (int i = 0; i < phonePorts.length; i++) {
            if (i % roomSize == 0) {
                rooms.add(engine.conference((participant, talking) -> { }));
            }
            RtpStream member = open(phonePorts[i], payloadType);
            participants.add(rooms.get(rooms.size() - 1).join("phone-" + i, member));
            ports.append(' ').append(member.localPort());
        }
        return ports.toString();
    }

    private String bridge(int payloadTypeA, int payloadTypeB, int[] phonePorts) {
        StringBuilder ports = new StringBuilder("ports");
        for (int i = 0; i + 1 < phonePorts.length; i += 2) {
            RtpStream a = open(phonePorts[i], payloadTypeA);
            RtpStream b = open(phonePorts[i + 1], payloadTypeB);
            bridges.add(engine.bridge(a, b));
            ports.append(' ').append(a.localPort()).append(' ').append(b.localPort());
        }
        return ports.toString();
    }

    private RtpStream open(int phonePort, int payloadType) {
        RtpStream stream = engine.openStream();
        streams.add(stream);
        stream.connect(new InetSocketAddress(LOOPBACK, phonePort), payloadType);
        return stream;
    }

    /**
     * CPU of the whole process and of the engine's event loops (which also run the conference clock) so far, what
     * the streams received from the phones so far (their A.8 jitter now), and frames the rooms and bridges dropped
     * to bound their delay.
     */
    private String stats() {
        long expected = 0, lost = 0, late = 0;
        double jitterMs = 0;
        for (RtpStream s : streams) {
            StreamQuality q = s.quality();
            expected += q.packetsExpected();
            lost += q.packetsLost();
            late += q.latePackets();
            jitterMs += q.jitterMs();
        }
        long dropped = participants.stream().mapToLong(ConferenceParticipant::framesDropped).sum()
                + bridges.stream().mapToLong(b -> b.stats().framesDropped()).sum();
        return "stats processCpuNs=" + self.cpuTime().toNanos() + " loopsCpuNs=" + loopThreadsCpuNanos()
                + " expected=" + expected + " lost=" + lost + " late=" + late + " dropped=" + dropped
                + " jitterMeanUs=" + (streams.isEmpty() ? 0 : Math.round(1000 * jitterMs / streams.size()));
    }

    /** User + system CPU of the engine's event-loop threads (ThreadMXBean's thread CPU clock). */
    private long loopThreadsCpuNanos() {
        long sum = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith(LOOP_THREAD_PREFIX)) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    /** Closes everything and waits (bounded) until the sockets are closed, so the next level starts clean. */
    private String close() throws InterruptedException {
        rooms.forEach(MediaConference::close);
        bridges.forEach(MediaBridge::close);
        streams.forEach(RtpStream::close);
        rooms.clear();
        participants.clear();
        bridges.clear();
        streams.clear();
        long deadline = System.currentTimeMillis() + RELEASE_DEADLINE_MILLIS;
        while (engine.portsInUse() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        return "closed portsLeft=" + engine.portsInUse();
    }
}
