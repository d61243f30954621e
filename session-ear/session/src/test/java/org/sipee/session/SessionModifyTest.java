package org.sipee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipee.media.MediaConfig;
import org.sipee.media.MediaEngine;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.InboundCall;
import org.sipee.sip.ua.ModifyRequest;
import org.sipee.sip.ua.ReinviteResult;

/**
 * A connected call on a real media engine, modified by the caller's re-INVITEs (RFC 3261 §14.2) and by our own
 * (hold, resume): the SDP we answer or offer (RFC 3264 §8), the session and media states, and the RTP the caller
 * receives or no longer receives.
 */
class SessionModifyTest {

    private MediaEngine media;
    private DatagramSocket callerRtp;
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<String> reinvites = new CopyOnWriteArrayList<>();
    private CompletableFuture<ReinviteResult> reinviteResult = new CompletableFuture<>();
    private CallSession session;

    @BeforeEach
    void connect() throws Exception {
        media = MediaEngine.start(new MediaConfig("127.0.0.1", 42100, 42199), null);
        callerRtp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        session = new CallSession(call(offer(1, "RTP/AVP 0 8", "sendrecv")), new EngineAccess(new MediaOnlyConnections(media)));
        session.answer();
        session.acknowledged();
        session.playTone(440);
        assertEquals(SessionState.Connected, session.state());
        assertEquals(MediaState.Active, session.mediaState());
        assertTrue(rtp(0, 2000) >= 0, "the tone reaches the caller as PCMU");
    }

    @AfterEach
    void stop() {
        session.terminating(CallEndReason.SHUTDOWN);
        callerRtp.close();
        media.close();
    }

    @Test
    void sendonlyOfferPutsTheCallOnHoldAndSendrecvResumesIt() throws Exception {
        Modify hold = modify(offer(2, "RTP/AVP 0 8", "sendonly"));
        assertTrue(hold.accepted.matches("(?s).*\\r\\na=recvonly\\r\\n.*"), "RFC 3264 §8.4: answer recvonly\n" + hold.accepted);
        assertSameOriginNextVersion(sent.get(0), hold.accepted);
        assertEquals(SessionState.OnHold, session.state());
        assertEquals(MediaState.Paused, session.mediaState());
        drainRtp();
        assertEquals(-1, rtp(0, 300), "no RTP while on hold");

        Modify resume = modify(offer(3, "RTP/AVP 0 8", "sendrecv"));
        assertTrue(resume.accepted.contains("a=sendrecv"), resume.accepted);
        assertSameOriginNextVersion(hold.accepted, resume.accepted);
        assertEquals(SessionState.Connected, session.state());
        assertEquals(MediaState.Active, session.mediaState());
        assertEquals(0, rtp(0, 2000), "the tone plays again");
    }

    @Test
    void inactiveAndNullAddressAlsoHold() throws Exception {
        Modify inactive = modify(offer(2, "RTP/AVP 0", "inactive"));
        assertTrue(inactive.accepted.contains("a=inactive"), inactive.accepted);
        assertEquals(SessionState.OnHold, session.state());
        modify(offer(3, "RTP/AVP 0", "sendrecv"));
        assertEquals(SessionState.Connected, session.state());
        modify(offer(4, "RTP/AVP 0", "sendrecv").replace("c=IN IP4 127.0.0.1", "c=IN IP4 0.0.0.0"));
        assertEquals(SessionState.OnHold, session.state(), "RFC 2543 hold: c=0.0.0.0");
    }

    @Test
    void anotherCodecFirstSwitchesTheStreamToIt() throws Exception {
        Modify change = modify(offer(2, "RTP/AVP 8 0", "sendrecv"));
        assertTrue(change.accepted.matches("(?s).*m=audio \\d+ RTP/AVP 8\\r\\n.*"), change.accepted);
        assertEquals(SessionState.Connected, session.state());
        assertEquals(8, rtp(8, 2000), "the tone now arrives as PCMA");
    }

    @Test
    void reofferAddingVideoKeepsTheAudioAndRejectsTheVideoStream() throws Exception {
        Modify withVideo = modify(offer(2, "RTP/AVP 0 8", "sendrecv") + "m=video 9000 RTP/AVP 31\r\n");
        assertTrue(withVideo.accepted.matches("(?s).*m=audio [1-9]\\d* RTP/AVP 0\\r\\n.*m=video 0 RTP/AVP 31\\r\\n.*"),
                "RFC 3264 §6, §8: one m-line per offered stream, the video refused with port 0\n" + withVideo.accepted);
        assertEquals(SessionState.Connected, session.state());
        assertEquals(0, rtp(0, 2000), "the tone goes on");
    }

    @Test
    void unanswerableOfferIs488AndChangesNothing() throws Exception {
        Modify gsm = modify(offer(2, "RTP/AVP 3", "sendrecv").replace("a=rtpmap:8 PCMA/8000\r\n", ""));
        assertNull(gsm.accepted);
        assertEquals(488, gsm.rejected);
        assertEquals(SessionState.Connected, session.state());
        assertEquals(MediaState.Active, session.mediaState());
    }

    @Test
    void holdAndResumeFromTheApplicationSendReinvites() throws Exception {
        CompletableFuture<Call> held = session.hold().toCompletableFuture();
        assertEquals(1, reinvites.size());
        assertTrue(reinvites.get(0).contains("a=sendonly"), reinvites.get(0));
        assertSameOriginNextVersion(sent.get(0), reinvites.get(0));
        reinviteResult.complete(new ReinviteResult(200, "OK", null));
        assertSame(session, held.get(1, TimeUnit.SECONDS));
        assertEquals(SessionState.OnHold, session.state());
        assertEquals(MediaState.Paused, session.mediaState());

        reinviteResult = new CompletableFuture<>();
        CompletableFuture<Call> resumed = session.resume().toCompletableFuture();
        assertTrue(reinvites.get(1).contains("a=sendrecv"), reinvites.get(1));
        reinviteResult.complete(new ReinviteResult(200, "OK", null));
        assertSame(session, resumed.get(1, TimeUnit.SECONDS));
        assertEquals(SessionState.Connected, session.state());
        assertEquals(MediaState.Active, session.mediaState());
    }

    @Test
    void refusedHoldLeavesTheCallConnected() {
        CompletableFuture<Call> held = session.hold().toCompletableFuture();
        reinviteResult.complete(new ReinviteResult(488, "Not Acceptable Here", null));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> held.get(1, TimeUnit.SECONDS));
        assertTrue(failure.getCause().getMessage().contains("488"), failure.getCause().getMessage());
        assertEquals(SessionState.Connected, session.state());
    }

    private static void assertSameOriginNextVersion(String before, String after) {
        String[] o1 = origin(before);
        String[] o2 = origin(after);
        assertEquals(o1[1], o2[1], "RFC 3264 §8: same session id");
        assertEquals(Long.parseLong(o1[2]) + 1, Long.parseLong(o2[2]), "RFC 3264 §8: version + 1");
    }

    private static String[] origin(String sdp) {
        Matcher m = Pattern.compile("(?m)^o=(.*)\\r?$").matcher(sdp);
        assertTrue(m.find(), sdp);
        return m.group(1).split(" ");
    }

    /** Receives one RTP packet; its payload type, or -1 when none within the time. */
    private int rtp(int wantedPayloadType, int millis) throws IOException {
        byte[] buffer = new byte[2048];
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            int left = (int) ((deadline - System.nanoTime()) / 1_000_000);
            if (left <= 0) {
                return -1;
            }
            callerRtp.setSoTimeout(left);
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                callerRtp.receive(packet);
            } catch (SocketTimeoutException e) {
                return -1;
            }
            int pt = buffer[1] & 0x7F;
            if (pt == wantedPayloadType || wantedPayloadType < 0) {
                return pt;
            }
        }
    }

    /** Discards what arrives within 100 ms (packets sent before the change), however many. */
    private void drainRtp() throws IOException {
        long deadline = System.nanoTime() + 100_000_000L;
        while (System.nanoTime() < deadline && rtp(-1, 20) >= 0) {
            // discard
        }
    }

    private String offer(int version, String formats, String direction) {
        return "v=0\r\no=caller 7 " + version + " IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + callerRtp.getLocalPort() + " " + formats + "\r\n"
                + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=" + direction + "\r\n";
    }

    private final class Modify {
        String accepted;
        int rejected;
    }

    private Modify modify(String offer) {
        Modify outcome = new Modify();
        ModifyRequest request = (ModifyRequest) Proxy.newProxyInstance(ModifyRequest.class.getClassLoader(),
                new Class<?>[] {ModifyRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "method" -> "INVITE";
                    case "offerSdp" -> offer;
                    case "isRefresh" -> false;
                    case "accept" -> {
                        outcome.accepted = (String) args[0];
                        yield CompletableFuture.completedFuture(null);
                    }
                    case "reject" -> {
                        outcome.rejected = (Integer) args[0];
                        yield null;
                    }
                    case "answerByDefault" -> throw new AssertionError("not a refresh");
                    default -> null;
                });
        session.modify(request);
        assertTrue(outcome.accepted != null || outcome.rejected != 0, "the re-INVITE was answered");
        return outcome;
    }

    private InboundCall call(String offer) {
        return (InboundCall) Proxy.newProxyInstance(InboundCall.class.getClassLoader(), new Class<?>[] {InboundCall.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "callId" -> "modify-test";
                    case "requestUri" -> "sip:answer@127.0.0.1";
                    case "remoteSdp" -> offer;
                    case "accept" -> {
                        sent.add((String) args[0]);
                        yield null;
                    }
                    case "reinvite" -> {
                        reinvites.add((String) args[0]);
                        yield reinviteResult;
                    }
                    case "toString" -> "call";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
