package org.sipee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipee.media.MediaConfig;
import org.sipee.media.MediaEngine;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.InboundCall;

/**
 * IncomingCall.earlyMedia() on a real media engine: what goes on the wire (183 with SDP, then 200 with the same
 * SDP), RTP reaching the caller before the answer, and the session and media states on the way.
 */
class EarlyMediaTest {

    private MediaEngine media;
    private DatagramSocket callerRtp;
    private WireCall wire;
    private CallSession session;

    @BeforeEach
    void start() throws IOException {
        media = MediaEngine.start(new MediaConfig("127.0.0.1", 42000, 42099), null);
        callerRtp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        callerRtp.setSoTimeout(2000);
        wire = new WireCall("early-media-test", offer("RTP/AVP 0 8 101", "a=rtpmap:101 telephone-event/8000\r\n"));
        session = new CallSession(wire.call(), new EngineAccess(new MediaOnlyConnections(media)));
    }

    @AfterEach
    void stop() {
        session.terminating(CallEndReason.SHUTDOWN);
        callerRtp.close();
        media.close();
    }

    @Test
    void earlyMediaSends183WithSdpAndTheAnswerReusesIt() throws Exception {
        CompletableFuture<IncomingCall> early = session.earlyMedia().toCompletableFuture();

        assertSame(session, early.getNow(null), "completes once the 183 is sent");
        assertEquals(1, wire.sent.size(), wire.sent.toString());
        String progress = wire.sent.get(0);
        assertTrue(progress.startsWith("183 Session Progress\n"), progress);
        assertTrue(progress.matches("(?s).*m=audio [1-9]\\d* RTP/AVP 0 101\\r?\\n.*"), progress);
        assertEquals(SessionState.Ringing, session.state());
        assertEquals(MediaState.Configured, session.mediaState());
        assertSame(early, session.earlyMedia(), "a second call returns the same stage");

        session.playTone(440);
        assertTrue(receivedRtp(), "the caller's RTP socket hears the stream before the answer");

        CompletableFuture<IncomingCall> answered = session.answer().toCompletableFuture();
        assertEquals(List.of(progress, "200 OK\n" + progress.substring(progress.indexOf('\n') + 1)), wire.sent,
                "the 200 carries the SDP of the 183");
        assertFalse(answered.isDone(), "the answer waits for the ACK");
        assertEquals(MediaState.Configured, session.mediaState());

        session.acknowledged();
        assertSame(session, answered.get(1, TimeUnit.SECONDS));
        assertEquals(SessionState.Connected, session.state());
        assertEquals(MediaState.Active, session.mediaState());
        assertEquals(1, media.openStreams(), "one stream for early media and the call");
    }

    @Test
    void withoutAFreePortPairTheCallGets503WithRetryAfter() {
        try (MediaEngine full = MediaEngine.start(new MediaConfig("127.0.0.1", 42100, 42101), null)) {
            full.openStream(); // the only pair
            wire = new WireCall("no-ports-test", offer("RTP/AVP 0", ""));
            session = new CallSession(wire.call(), new EngineAccess(new MediaOnlyConnections(full)));

            CompletableFuture<IncomingCall> answered = session.answer().toCompletableFuture();

            assertThrows(ExecutionException.class, answered::get);
            assertEquals(List.of("503 Service Unavailable\n"), wire.sent, "not 500: the server is out of a resource");
            assertEquals(List.of("{Retry-After=5}"), wire.rejectHeaders);
            assertEquals(MediaState.Failed, session.mediaState());
            assertEquals(1, full.portExhaustions());
        }
    }

    @Test
    void unanswerableOfferIsRejected488AndBothStagesFail() {
        wire = new WireCall("early-media-test", offer("RTP/AVP 3", "a=rtpmap:3 GSM/8000\r\n"));
        session = new CallSession(wire.call(), new EngineAccess(new MediaOnlyConnections(media)));

        CompletableFuture<IncomingCall> early = session.earlyMedia().toCompletableFuture();
        CompletableFuture<IncomingCall> answered = session.answer().toCompletableFuture();

        assertThrows(ExecutionException.class, early::get);
        assertThrows(ExecutionException.class, answered::get);
        assertEquals(List.of("488 Not Acceptable Here\n"), wire.sent, "rejected once, no 183");
        assertEquals(MediaState.Failed, session.mediaState());
        assertEquals(0, media.openStreams(), "the stream is closed");
    }

    @Test
    void earlyMediaAfterAnswerFails() {
        session.answer();
        CompletableFuture<IncomingCall> early = session.earlyMedia().toCompletableFuture();
        assertThrows(ExecutionException.class, early::get);
        assertEquals(1, wire.sent.size(), "only the 200: " + wire.sent);
        assertTrue(wire.sent.get(0).startsWith("200 OK\n"), wire.sent.toString());
    }

    @Test
    void callEndingDuringEarlyMediaFailsTheAnswerAndReleasesTheStream() {
        session.earlyMedia();
        CompletableFuture<IncomingCall> answered = session.answer().toCompletableFuture();
        session.terminating(CallEndReason.CANCELLED);
        session.terminated();
        assertThrows(ExecutionException.class, answered::get);
        assertEquals(MediaState.None, session.mediaState());
        assertEquals(0, media.openStreams());
    }

    private boolean receivedRtp() throws IOException {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            callerRtp.receive(packet);
        } catch (SocketTimeoutException e) {
            return false;
        }
        return packet.getLength() > 12 && (buffer[0] & 0xC0) == 0x80 && (buffer[1] & 0x7F) == 0;
    }

    private String offer(String formats, String attributes) {
        return "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + callerRtp.getLocalPort() + " " + formats + "\r\n" + attributes + "a=sendrecv\r\n";
    }
}
