package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Real UDP on 127.0.0.1 against a plain DatagramSocket. */
class MediaEngineLoopbackTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** An even base port whose next {@code count} ports are free right now. */
    private static int freeRange(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 2 * ThreadLocalRandom.current().nextInt(20000, 29000);
            List<DatagramSocket> probes = new ArrayList<>();
            try {
                for (int p = base; p < base + count; p++) {
                    probes.add(new DatagramSocket(p, LOOPBACK));
                }
                return base;
            } catch (Exception busy) {
                // try another base
            } finally {
                probes.forEach(DatagramSocket::close);
            }
        }
        throw new IllegalStateException("no free port range on loopback");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(5); // test-side polling only
        }
    }

    @Test
    void playsA440HzToneAsPcmu() throws Exception {
        int base = freeRange(8);
        try (MediaEngine engine = MediaEngine.start(new MediaConfig("127.0.0.1", base, base + 7), null);
             DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
            assertEquals("127.0.0.1", engine.advertisedAddress());
            RtpStream stream = engine.openStream();
            assertEquals(0, stream.localPort() % 2);
            assertEquals(1, engine.openStreams());
            assertEquals(2, engine.portsInUse());

            stream.connect(new InetSocketAddress(LOOPBACK, peer.getLocalPort()), 0);
            stream.playTone(440);

            List<RtpPacket> packets = new ArrayList<>();
            peer.setSoTimeout(200);
            long deadline = System.nanoTime() + 3_000_000_000L;
            byte[] buf = new byte[1500];
            while (packets.size() < 25 && System.nanoTime() < deadline) {
                DatagramPacket dp = new DatagramPacket(buf, buf.length);
                try {
                    peer.receive(dp);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                assertEquals(stream.localPort(), dp.getPort(), "sent from the RTP port");
                packets.add(RtpPacket.decode(Arrays.copyOf(dp.getData(), dp.getLength())));
            }
            stream.stopPlaying();
            assertEquals(25, packets.size(), "packets within 3 s");

            RtpPacket first = packets.get(0);
            assertTrue(first.marker(), "marker on the first packet of the talkspurt");
            short[] pcm = new short[25 * 160];
            for (int i = 0; i < packets.size(); i++) {
                RtpPacket p = packets.get(i);
                assertEquals(0, p.payloadType());
                assertEquals(160, p.payload().length);
                assertEquals(first.ssrc(), p.ssrc());
                assertEquals((first.sequence() + i) & 0xFFFF, p.sequence());
                assertEquals((first.timestamp() + 160L * i) & 0xFFFFFFFFL, p.timestamp());
                if (i > 0) {
                    assertTrue(!p.marker(), "no marker inside the talkspurt, packet " + i);
                }
                System.arraycopy(G711Codec.PCMU.decode(p.payload()), 0, pcm, i * 160, 160);
            }
            double at440 = Goertzel.power(pcm, 440);
            double at1000 = Goertzel.power(pcm, 1000);
            assertTrue(at440 > 1000 * at1000, "440 Hz " + at440 + " vs 1000 Hz " + at1000);
            assertTrue(stream.stats().packetsSent() >= 25, "sent " + stream.stats().packetsSent());

            // the other direction: packets to the stream are counted
            for (int i = 0; i < 5; i++) {
                byte[] rtp = new RtpPacket(i == 0, 0, 100 + i, 160L * i, 42, new byte[160]).toBytes();
                peer.send(new DatagramPacket(rtp, rtp.length, LOOPBACK, stream.localPort()));
            }
            byte[] junk = {1, 2, 3};
            peer.send(new DatagramPacket(junk, junk.length, LOOPBACK, stream.localPort()));
            await(() -> stream.stats().packetsReceived() == 5, "5 received packets");
            assertEquals(800, stream.stats().bytesReceived());

            int port = stream.localPort();
            stream.close();
            assertEquals(0, engine.openStreams());
            await(() -> engine.portsInUse() == 0, "ports back in the range after close");
            new DatagramSocket(port, LOOPBACK).close();
            new DatagramSocket(port + 1, LOOPBACK).close();
        }
    }

    private static RtpPacket receive(DatagramSocket peer) throws Exception {
        byte[] buf = new byte[1500];
        DatagramPacket dp = new DatagramPacket(buf, buf.length);
        peer.receive(dp); // SO_TIMEOUT bounds the wait
        return RtpPacket.decode(Arrays.copyOf(dp.getData(), dp.getLength()));
    }

    @Test
    void newTalkspurtHasMarkerAndTimestampKeepsRunningThroughSilence() throws Exception {
        int base = freeRange(2);
        try (MediaEngine engine = MediaEngine.start(new MediaConfig("127.0.0.1", base, base + 1), null);
             DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
            peer.setSoTimeout(2000);
            RtpStream stream = engine.openStream();
            stream.connect(new InetSocketAddress(LOOPBACK, peer.getLocalPort()), 8);
            stream.playTone(1000);
            RtpPacket a = receive(peer);
            RtpPacket b = receive(peer);
            assertTrue(a.marker());
            assertEquals(8, a.payloadType());
            stream.stopPlaying();
            long stoppedAt = System.nanoTime();
            long sentBefore;
            do { // drain what was sent before stopPlaying took effect; the last wait is 100 ms of silence
                sentBefore = stream.stats().packetsSent();
                peer.setSoTimeout(100);
                try {
                    b = receive(peer);
                } catch (SocketTimeoutException e) {
                    break;
                }
            } while (true);
            assertEquals(sentBefore, stream.stats().packetsSent(), "stopped");
            peer.setSoTimeout(2000);
            stream.playTone(1000);
            RtpPacket c = receive(peer);
            long silenceSamples = (System.nanoTime() - stoppedAt) / 125_000;
            assertTrue(c.marker(), "marker on the first packet after silence");
            assertEquals((b.sequence() + 1) & 0xFFFF, c.sequence(), "sequence numbers run on");
            long advance = (c.timestamp() - b.timestamp()) & 0xFFFFFFFFL;
            assertTrue(advance >= 800 && advance <= silenceSamples + 800,
                    "timestamp advanced by " + advance + " over about " + silenceSamples + " samples of silence");
            assertEquals(a.ssrc(), c.ssrc());
        }
    }

    @Test
    void closeFreesEverythingAndRunsOnTheGivenExecutor() throws Exception {
        int base = freeRange(6);
        ExecutorService io = Executors.newCachedThreadPool();
        MediaEngine engine = MediaEngine.start(new MediaConfig("127.0.0.1", base, base + 5), io);
        RtpStream a = engine.openStream();
        RtpStream b = engine.openStream();
        a.connect(new InetSocketAddress(LOOPBACK, 9), 8);
        a.playTone(1000);
        assertEquals(4, engine.portsInUse());
        assertEquals(2, engine.openStreams());
        engine.close();
        engine.close(); // idempotent
        assertEquals(0, engine.portsInUse());
        assertEquals(0, engine.openStreams());
        for (int p = base; p < base + 4; p++) {
            new DatagramSocket(p, LOOPBACK).close();
        }
        assertThrows(IllegalStateException.class, engine::openStream);
        b.close(); // closing after the engine is harmless
        b.stopPlaying();
        assertThrows(IllegalStateException.class, () -> a.playTone(440));
        io.shutdown();
        assertTrue(io.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS), "event loop tasks ended");
    }

    @Test
    void exhaustionAndPairsHeldByOthers() throws Exception {
        int base = freeRange(6);
        try (DatagramSocket squatter = new DatagramSocket(base + 3, LOOPBACK); // RTCP port of the 2nd pair
             MediaEngine engine = MediaEngine.start(new MediaConfig("127.0.0.1", base, base + 5), null)) {
            RtpStream first = engine.openStream();
            RtpStream second = engine.openStream();
            assertEquals(base, first.localPort());
            assertEquals(base + 4, second.localPort(), "pair held by another socket skipped");
            PortsExhaustedException e = assertThrows(PortsExhaustedException.class, engine::openStream);
            assertTrue(e.getMessage().contains("no free RTP/RTCP port pair"), e.getMessage());
            assertTrue(e.getMessage().contains("1 held by other sockets"), e.getMessage());
            assertEquals(4, engine.portsInUse());
            first.close();
            await(() -> engine.portsInUse() == 2, "the first pair back in the range after close");
            assertEquals(base, engine.openStream().localPort());
        }
    }

    @Test
    void refusesBadConnects() throws Exception {
        int base = freeRange(2);
        try (MediaEngine engine = MediaEngine.start(new MediaConfig("127.0.0.1", base, base + 1), null)) {
            RtpStream s = engine.openStream();
            InetSocketAddress remote = new InetSocketAddress(LOOPBACK, 9);
            assertThrows(IllegalArgumentException.class, () -> s.connect(remote, 96));
            assertThrows(IllegalArgumentException.class, () -> s.connect(remote, 96, "GSM"));
            assertThrows(IllegalArgumentException.class,
                    () -> s.connect(InetSocketAddress.createUnresolved("example.invalid", 9), 0));
            s.connect(remote, 96, "PCMU"); // dynamic numbering from the offer
            assertThrows(IllegalArgumentException.class, () -> s.playTone(5000));
        }
    }

    @Test
    void wildcardBindAdvertisesALocalAddress() {
        int base = freeRange(2);
        try (MediaEngine engine = MediaEngine.start(new MediaConfig("0.0.0.0", base, base + 1), null)) {
            String a = engine.advertisedAddress();
            assertTrue(!a.equals("0.0.0.0") && !a.isBlank(), a);
        }
    }
}
