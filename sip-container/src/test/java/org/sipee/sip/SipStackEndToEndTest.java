package org.sipee.sip;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.InboundCall;
import org.sipee.sip.ua.OutOfDialogRequest;
import org.sipee.sip.ua.UserAgentListener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A plain DatagramSocket UAC against a real stack on 127.0.0.1 with T1 = 20 ms. */
class SipStackEndToEndTest {

    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\n";

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private SipStack stack;
    private DatagramSocket uac;

    /** Rings every call; "answer" accepts, "busy" rejects 486, anything else keeps ringing. */
    private final UserAgentListener listener = new UserAgentListener() {
        @Override
        public void onInvite(InboundCall call) {
            events.add("invite " + call.callId());
            call.sendProvisional(180, "Ringing", null);
            if (call.requestUri().startsWith("sip:answer@")) {
                call.accept(SDP);
            } else if (call.requestUri().startsWith("sip:busy@")) {
                call.reject(486, "Busy Here");
            }
        }

        @Override
        public void onAck(InboundCall call) {
            events.add("ack " + call.callId());
        }

        @Override
        public void onCallEnded(InboundCall call, CallEndReason reason) {
            events.add("ended " + call.callId() + " " + reason);
        }

        /** A registrar for sip:registrar@: 200 with the binding; sip:slow@ is never answered; the rest by default. */
        @Override
        public void onRequest(OutOfDialogRequest request) {
            String uri = request.request().requestUri();
            if (uri.startsWith("sip:registrar@")) {
                request.respond(200, "OK", Map.of("Contact", request.request().header("Contact") + ";expires=600"));
            } else if (!uri.startsWith("sip:slow@")) {
                request.answerByDefault();
            }
        }
    };

    @BeforeEach
    void start() throws IOException {
        SipStackConfig config = new SipStackConfig("127.0.0.1", 0, Duration.ofMillis(20), Duration.ofMillis(80),
                Duration.ofMillis(50));
        stack = SipStack.start(config, null, listener);
        uac = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        uac.setSoTimeout(100);
    }

    @AfterEach
    void stop() {
        uac.close();
        stack.close();
    }

    @Test
    void inviteRingAcceptAckBye() throws Exception {
        send(request("INVITE", "sip:answer@127.0.0.1", "c1", "b1", 1, "", SDP));
        expect("100", "INVITE");
        expect("180", "INVITE");
        SipResponse ok = expect("200", "INVITE");
        String toTag = ok.to().tag();
        assertNotNull(toTag);
        assertEquals("application/sdp", ok.header("Content-Type"));
        assertEquals(SDP, new String(ok.body(), StandardCharsets.UTF_8));
        assertTrue(ok.header("Contact").startsWith("<sip:127.0.0.1:"));
        assertEquals("invite c1", nextEvent());
        send(request("ACK", "sip:answer@127.0.0.1", "c1", "b1ack", 1, toTag, null));
        assertEquals("ack c1", nextEvent());
        send(request("BYE", "sip:answer@127.0.0.1", "c1", "b1bye", 2, toTag, null));
        expect("200", "BYE");
        assertEquals("ended c1 REMOTE_BYE", nextEvent());
        awaitIdle();
    }

    @Test
    void cancelBeforeAnswer() throws Exception {
        send(request("INVITE", "sip:wait@127.0.0.1", "c2", "b2", 1, "", SDP));
        expect("180", "INVITE");
        send(request("CANCEL", "sip:wait@127.0.0.1", "c2", "b2", 1, "", null));
        expect("200", "CANCEL");
        SipResponse terminated = expect("487", "INVITE");
        assertEquals("invite c2", nextEvent());
        assertEquals("ended c2 CANCELLED", nextEvent());
        send(request("ACK", "sip:wait@127.0.0.1", "c2", "b2", 1, terminated.to().tag(), null));
        send(request("CANCEL", "sip:wait@127.0.0.1", "c3", "nothing", 1, "", null));
        expect("481", "CANCEL");
        awaitIdle();
    }

    @Test
    void rejectAndMissingAck() throws Exception {
        send(request("INVITE", "sip:busy@127.0.0.1", "c4", "b4", 1, "", null));
        SipResponse busy = expect("486", "INVITE");
        send(request("ACK", "sip:busy@127.0.0.1", "c4", "b4", 1, busy.to().tag(), null));
        assertEquals("invite c4", nextEvent());
        assertEquals("ended c4 REJECTED", nextEvent());
        send(request("INVITE", "sip:answer@127.0.0.1", "c5", "b5", 1, "", null));
        expect("200", "INVITE");
        expect("200", "INVITE"); // §13.3.1.4 retransmission while no ACK comes
        assertEquals("invite c5", nextEvent());
        assertEquals("ended c5 NO_ACK", nextEvent());
        awaitIdle();
    }

    @Test
    void registerAndOptionsOutsideADialogGoToTheApplication() throws Exception {
        send(request("REGISTER", "sip:registrar@127.0.0.1", "r1", "br1", 1, "", null));
        SipResponse registered = expect("200", "REGISTER");
        assertTrue(registered.header("Contact").endsWith(";expires=600"), registered.header("Contact"));
        send(request("REGISTER", "sip:x@127.0.0.1", "r2", "br2", 1, "", null));
        assertEquals(11, expect("405", "REGISTER").headerValues("Allow").size(), "no registrar here: 405 with Allow");
        send(request("OPTIONS", "sip:slow@127.0.0.1", "r3", "br3", 1, "", null));
        SipResponse late = expect("500", "OPTIONS"); // after 32*T1 = 640 ms
        assertEquals("5", late.header("Retry-After"));
        awaitIdle();
    }

    @Test
    void statelessAnswers() throws Exception {
        send(request("OPTIONS", "sip:x@127.0.0.1", "c6", "b6", 1, "", null));
        SipResponse options = expect("200", "OPTIONS");
        assertEquals(List.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "UPDATE", "PRACK", "INFO", "MESSAGE", "REFER",
                "NOTIFY"), options.headerValues("Allow"));
        assertEquals("application/sdp", options.header("Accept"));
        send(request("FOO", "sip:x@127.0.0.1", "c7", "b7", 1, "", null));
        assertEquals(11, expect("501", "FOO").headerValues("Allow").size());
        send(request("SUBSCRIBE", "sip:x@127.0.0.1", "c8", "b8", 1, "", null));
        expect("405", "SUBSCRIBE");
        send(request("BYE", "sip:x@127.0.0.1", "c9", "b9", 1, "unknown", null));
        expect("481", "BYE");
        send(request("OPTIONS", "sip:x@127.0.0.1", "c10", "b10", 1, "", null).replace("Max-Forwards: 70\r\n",
                "Require: foo, bar\r\n"));
        assertEquals(List.of("foo", "bar"), expect("420", "OPTIONS").headerValues("Unsupported"));
        awaitIdle();
    }

    @Test
    void survivesGarbage() throws Exception {
        byte[] random = new byte[1200];
        new Random(7).nextBytes(random);
        sendBytes(random);
        String invite = request("INVITE", "sip:answer@127.0.0.1", "c11", "b11", 1, "", SDP);
        send(invite.substring(0, invite.length() / 2));
        send(invite.replace("Max-Forwards: 70", "X-Huge: " + "h".repeat(60_000))); // a UDP datagram tops out at 65507
        send(request("OPTIONS", "sip:x@127.0.0.1", "c12", "b12", 1, "", null).replace("Call-ID: c12\r\n", ""));
        send(request("OPTIONS", "sip:x@127.0.0.1", "c12", "b12", 1, "", null).replace("CSeq: 1 OPTIONS", "CSeq: 1 INFO"));
        SipResponse bad = expect("400", "INFO");
        assertEquals("CSeq Method Mismatch", bad.reason());
        send(request("OPTIONS", "sip:x@127.0.0.1", "c13", "b13", 1, "", null));
        expect("200", "OPTIONS");
        assertEquals(5, stack.stats().malformedMessages());
        assertTrue(events.isEmpty(), "no call from broken INVITEs: " + events);
        awaitIdle();
    }

    @Test
    void closeReleasesThePortAndBusyPortIsReported() throws Exception {
        int port = stack.localAddress().getPort();
        SipStackConfig same = SipStackConfig.defaults("127.0.0.1", port);
        BindException e = assertThrows(BindException.class, () -> SipStack.start(same, null, listener));
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        send(request("INVITE", "sip:wait@127.0.0.1", "c14", "b14", 1, "", null));
        expect("180", "INVITE");
        stack.close();
        stack.close();
        assertEquals("invite c14", nextEvent());
        assertEquals("ended c14 SHUTDOWN", nextEvent());
        try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            assertEquals(port, again.getLocalPort());
        }
    }

    private String request(String method, String uri, String callId, String branch, int cseq, String toTag, String sdp) {
        int port = uac.getLocalPort();
        String body = sdp == null ? "" : sdp;
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";rport;branch=z9hG4bK" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@127.0.0.1>;tag=from" + callId + "\r\n"
                + "To: <" + uri + ">" + (toTag.isEmpty() ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:alice@127.0.0.1:" + port + ">\r\n"
                + (sdp == null ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private void send(String text) throws IOException {
        sendBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private void sendBytes(byte[] data) throws IOException {
        uac.send(new DatagramPacket(data, data.length, stack.localAddress()));
    }

    /** Reads responses until one with this status and CSeq method; earlier ones (e.g. retransmissions) are skipped. */
    private SipResponse expect(String status, String cseqMethod) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        byte[] buffer = new byte[65536];
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                uac.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            }
            SipResponse response = (SipResponse) SipParser.parse(packet.getData(), 0, packet.getLength());
            if (Integer.toString(response.status()).equals(status) && response.cseq().method().equals(cseqMethod)) {
                return response;
            }
        }
        return fail("no " + status + " for " + cseqMethod + " within 3 s");
    }

    private String nextEvent() throws InterruptedException {
        String event = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(event, "listener event expected");
        return event;
    }

    /** Transactions run out after 64*T1 = 1.28 s; then nothing of any call may remain. */
    private void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        SipStackStats stats = stack.stats();
        while (System.nanoTime() < deadline) {
            stats = stack.stats();
            if (stats.serverTransactions() == 0 && stats.dialogs() == 0 && stats.calls() == 0) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        fail("stack not idle: " + stats);
    }
}
