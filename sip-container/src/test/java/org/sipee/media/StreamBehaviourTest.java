package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.media.Loopback.LOOPBACK;
import static org.sipee.media.Loopback.await;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sipee.sdp.NegotiatedMedia;

/** Echo, media timeout, symmetric RTP, and connect from a negotiation. */
class StreamBehaviourTest {

    @Test
    void echoSendsBackWhatArrives() throws Exception {
        int base = Loopback.freeRange(4);
        try (MediaEngine engine = MediaEngine.start(new MediaConfig("127.0.0.1", base, base + 3), null)) {
            RtpStream caller = engine.openStream();
            RtpStream echo = engine.openStream();
            caller.connect(new InetSocketAddress(LOOPBACK, echo.localPort()), 0);
            echo.connect(new InetSocketAddress(LOOPBACK, caller.localPort()), 8); // re-encoded as PCMA
            AtomicInteger tonal = new AtomicInteger();
            caller.onAudio(frame -> {
                if (Loopback.hasTone(frame, 1000)) {
                    tonal.incrementAndGet();
                }
            });
            echo.echo();
            caller.playTone(1000);
            await(() -> tonal.get() >= 25, 5000, "half a second of echoed 1000 Hz");
            caller.close();
            echo.close();
        }
    }

    @Test
    void reportsMediaTimeoutAfterPacketsStop() throws Exception {
        int base = Loopback.freeRange(4);
        try (MediaEngine engine = MediaEngine.start(new MediaConfig("127.0.0.1", base, base + 3), null)) {
            RtpStream a = engine.openStream();
            RtpStream b = engine.openStream();
            a.connect(new InetSocketAddress(LOOPBACK, b.localPort()), 0);
            b.connect(new InetSocketAddress(LOOPBACK, a.localPort()), 0);
            AtomicLong firedAt = new AtomicLong();
            AtomicInteger fired = new AtomicInteger();
            b.onMediaTimeout(Duration.ofMillis(300), () -> {
                firedAt.set(System.nanoTime());
                fired.incrementAndGet();
            });
            a.playTone(440);
            await(() -> b.stats().packetsReceived() >= 25, 3000, "packets flowing");
            assertEquals(0, fired.get(), "no timeout while packets flow");
            long stoppedAt = System.nanoTime();
            a.stopPlaying();
            await(() -> fired.get() == 1, 3000, "media timeout");
            assertTrue(firedAt.get() - stoppedAt >= 250_000_000L, "fired after ~300 ms of silence");
            a.close();
            b.close();
        }
    }

    @Test
    void reportsMediaTimeoutWhenNothingEverArrives() throws Exception {
        int base = Loopback.freeRange(2);
        try (MediaEngine engine = MediaEngine.start(new MediaConfig("127.0.0.1", base, base + 1), null)) {
            RtpStream s = engine.openStream();
            AtomicInteger fired = new AtomicInteger();
            s.onMediaTimeout(Duration.ofMillis(200), fired::incrementAndGet);
            s.connect(new InetSocketAddress(LOOPBACK, 9), 0);
            await(() -> fired.get() == 1, 3000, "timeout after connect");
            s.close();
        }
    }

    @Test
    void symmetricRtpSendsWherePacketsComeFrom() throws Exception {
        int base = Loopback.freeRange(4);
        try (MediaEngine engine = MediaEngine.start(new MediaConfig("127.0.0.1", base, base + 3), null);
             DatagramSocket nowhere = new DatagramSocket(0, LOOPBACK)) {
            RtpStream natted = engine.openStream();
            RtpStream ours = engine.openStream();
            natted.connect(new InetSocketAddress(LOOPBACK, ours.localPort()), 0);
            ours.connect(new InetSocketAddress(LOOPBACK, nowhere.getLocalPort()), 0); // what the SDP said
            natted.playTone(440);
            ours.playTone(440);
            await(() -> ours.remoteAddress() != null && ours.remoteAddress().getPort() == natted.localPort(), 3000,
                    "latched to the packets' source");
            await(() -> natted.stats().packetsReceived() >= 10, 3000, "our packets reach the real source");
            natted.close();
            ours.close();
        }
    }

    @Test
    void connectsFromANegotiationAndSendsDtmf() throws Exception {
        int base = Loopback.freeRange(6);
        try (MediaEngine engine = MediaEngine.start(new MediaConfig("127.0.0.1", base, base + 5), null)) {
            RtpStream a = engine.openStream();
            RtpStream b = engine.openStream();
            StringBuffer got = new StringBuffer();
            b.onDtmf(e -> got.append(e.digit()));
            a.connect(new NegotiatedMedia("", new InetSocketAddress(LOOPBACK, b.localPort()), 96, "PCMU", 97));
            b.connect(new NegotiatedMedia("", new InetSocketAddress(LOOPBACK, a.localPort()), 96, "PCMU", 97));
            a.sendDtmf('*', Duration.ofMillis(60));
            a.sendDtmf('D', Duration.ofMillis(60));
            await(() -> got.length() == 2, 3000, "two digits");
            assertEquals("*D", got.toString());
            assertThrows(IllegalArgumentException.class, () -> a.sendDtmf('x', Duration.ofMillis(60)));
            RtpStream plain = engine.openStream();
            assertThrows(IllegalStateException.class, () -> plain.sendDtmf('1', Duration.ofMillis(60)), "no telephone-event negotiated");
            plain.close();
            a.close();
            b.close();
        }
    }
}
