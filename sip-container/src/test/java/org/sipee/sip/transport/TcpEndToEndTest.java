package org.sipee.sip.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipee.sip.SipStack;
import org.sipee.sip.SipStackConfig;
import org.sipee.sip.SipStackStats;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.InboundCall;
import org.sipee.sip.ua.UserAgentListener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sipee.sip.transport.Requests.SDP;

/** RFC 3261 §18 over TCP: a java.net.Socket UAC against a real stack on 127.0.0.1 (T1 = 20 ms). */
class TcpEndToEndTest {

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private SipStack stack;

    static UserAgentListener ringing(BlockingQueue<String> events) {
        return new UserAgentListener() {
            @Override
            public void onInvite(InboundCall call) {
                events.add("invite " + call.callId());
                call.sendProvisional(180, "Ringing", null);
                if (call.requestUri().startsWith("sip:answer@")) {
                    call.accept(SDP);
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
        };
    }

    static SipStackConfig config(String address) {
        return new SipStackConfig(address, 0, Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofMillis(50));
    }

    @BeforeEach
    void start() throws IOException {
        stack = SipStack.start(config("127.0.0.1").withTcpIdleTimeout(Duration.ofMillis(500)), null, ringing(events));
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    @Test
    void callOverOneConnection() throws Exception {
        try (StreamClient uac = new StreamClient(stack.localAddress())) {
            call(uac, "t1");
        }
        awaitIdle(stack);
    }

    /** INVITE, 100/180/200 on the same connection, ACK, BYE, 200. */
    void call(StreamClient uac, String callId) throws Exception {
        String uri = "sip:answer@127.0.0.1";
        uac.write(Requests.request("TCP", uac.local(), "INVITE", uri, callId, callId, 1, "", SDP));
        SipResponse trying = expect(uac, 100, "INVITE");
        assertEquals("SIP/2.0/TCP 127.0.0.1:" + uac.local().getPort() + ";rport=" + uac.local().getPort()
                + ";branch=z9hG4bK" + callId + ";received=127.0.0.1", trying.header("Via")); // §18.2.1 stamping
        expect(uac, 180, "INVITE");
        SipResponse ok = expect(uac, 200, "INVITE");
        assertEquals(SDP, new String(ok.body()));
        String toTag = ok.to().tag();
        assertEquals("invite " + callId, nextEvent());
        uac.write(Requests.request("TCP", uac.local(), "ACK", uri, callId, callId + "ack", 1, toTag, null));
        assertEquals("ack " + callId, nextEvent());
        uac.write(Requests.request("TCP", uac.local(), "BYE", uri, callId, callId + "bye", 2, toTag, null));
        expect(uac, 200, "BYE");
        assertEquals("ended " + callId + " REMOTE_BYE", nextEvent());
    }

    @Test
    void twoRequestsInOneSegmentAndOneSplitAcrossSegments() throws Exception {
        try (StreamClient uac = new StreamClient(stack.localAddress())) {
            String first = Requests.request("TCP", uac.local(), "OPTIONS", "sip:x@127.0.0.1", "s1", "s1", 1, "", null);
            String second = Requests.request("TCP", uac.local(), "OPTIONS", "sip:x@127.0.0.1", "s2", "s2", 1, "", null);
            uac.write("\r\n" + first + second);
            assertEquals("s1", expect(uac, 200, "OPTIONS").callId());
            assertEquals("s2", expect(uac, 200, "OPTIONS").callId());
            String third = Requests.request("TCP", uac.local(), "OPTIONS", "sip:x@127.0.0.1", "s3", "s3", 1, "", null);
            int cut = third.indexOf("Call-ID");
            uac.write(third.substring(0, cut));
            uac.write(third.substring(cut, third.length() - 1));
            uac.write(third.substring(third.length() - 1));
            assertEquals("s3", expect(uac, 200, "OPTIONS").callId());
            uac.write("\r\n\r\n"); // RFC 5626 ping
            assertEquals("\r\n", uac.readRaw(2));
        }
        assertEquals(0, stack.stats().malformedMessages());
    }

    @Test
    void missingContentLengthIsAnswered400AndClosed() throws Exception {
        try (StreamClient uac = new StreamClient(stack.localAddress())) {
            String options = Requests.request("TCP", uac.local(), "OPTIONS", "sip:x@127.0.0.1", "m1", "m1", 1, "", null);
            uac.write(options.replace("Content-Length: 0\r\n", ""));
            SipResponse bad = Requests.parse(uac.read());
            assertEquals(400, bad.status());
            assertEquals("Missing Content-Length", bad.reason());
            assertTrue(uac.closedByServer());
        }
        assertEquals(1, stack.stats().malformedMessages());
    }

    @Test
    void malformedButFramedRequestIsAnsweredAndTheConnectionStays() throws Exception {
        try (StreamClient uac = new StreamClient(stack.localAddress())) {
            String options = Requests.request("TCP", uac.local(), "OPTIONS", "sip:x@127.0.0.1", "f1", "f1", 1, "", null);
            uac.write(options.replace("CSeq: 1 OPTIONS", "CSeq: 1 INFO"));
            assertEquals(400, expect(uac, 400, "INFO").status());
            uac.write(options);
            expect(uac, 200, "OPTIONS");
        }
    }

    @Test
    void garbageClosesThatConnectionOnly() throws Exception {
        try (StreamClient other = new StreamClient(stack.localAddress());
             StreamClient bad = new StreamClient(stack.localAddress())) {
            bad.write("\u0016\u0003\u0001\u0000\u00ff garbage");
            assertTrue(bad.closedByServer());
            try (StreamClient huge = new StreamClient(stack.localAddress())) {
                huge.write("OPTIONS sip:x@127.0.0.1 SIP/2.0\r\nX: " + "h".repeat(40_000));
                assertTrue(huge.closedByServer()); // header block over the cap, no empty line: just closed
            }
            other.write(Requests.request("TCP", other.local(), "OPTIONS", "sip:x@127.0.0.1", "g1", "g1", 1, "", null));
            expect(other, 200, "OPTIONS");
        }
        assertEquals(2, stack.stats().malformedMessages());
    }

    @Test
    void tooLargeBodyIsAnswered413() throws Exception {
        try (StreamClient uac = new StreamClient(stack.localAddress())) {
            String options = Requests.request("TCP", uac.local(), "OPTIONS", "sip:x@127.0.0.1", "l1", "l1", 1, "", null);
            uac.write(options.replace("Content-Length: 0", "Content-Length: 70000"));
            SipResponse tooLarge = Requests.parse(uac.read());
            assertEquals(413, tooLarge.status());
            assertTrue(uac.closedByServer());
        }
    }

    @Test
    void idleConnectionIsClosedAndStatsReturnToZero() throws Exception {
        try (StreamClient uac = new StreamClient(stack.localAddress())) {
            uac.write(Requests.request("TCP", uac.local(), "OPTIONS", "sip:x@127.0.0.1", "i1", "i1", 1, "", null));
            expect(uac, 200, "OPTIONS");
            assertEquals(1, stack.stats().connections());
            long start = System.nanoTime();
            assertTrue(uac.closedByServer(), "closed after the 500 ms idle timeout");
            assertTrue(System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(300));
        }
        awaitIdle(stack);
    }

    @Test
    void ringingCallKeepsItsIdleConnectionUntilAnswered() throws Exception {
        try (StreamClient uac = new StreamClient(stack.localAddress())) {
            uac.write(Requests.request("TCP", uac.local(), "INVITE", "sip:wait@127.0.0.1", "w1", "w1", 1, "", SDP));
            expect(uac, 180, "INVITE");
            assertFalse(uac.closedByServer(), "a pending INVITE pins the connection"); // 3 s > idle timeout
            uac.write(Requests.request("TCP", uac.local(), "CANCEL", "sip:wait@127.0.0.1", "w1", "w1", 1, "", null));
            expect(uac, 200, "CANCEL");
            SipResponse terminated = expect(uac, 487, "INVITE");
            uac.write(Requests.request("TCP", uac.local(), "ACK", "sip:wait@127.0.0.1", "w1", "w1", 1,
                    terminated.to().tag(), null));
            assertTrue(uac.closedByServer());
        }
        awaitIdle(stack);
    }

    @Test
    void udpStillServedOnTheSamePort() throws Exception {
        assertEquals(stack.localAddress(), stack.transports().transport("UDP").localAddress());
        assertEquals(stack.localAddress(), stack.transports().transport("TCP").localAddress());
    }

    static SipResponse expect(StreamClient uac, int status, String method) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < deadline) {
            SipResponse response = Requests.parse(uac.read());
            if (response.status() == status && response.cseq().method().equals(method)) {
                return response;
            }
        }
        return fail("no " + status + " for " + method);
    }

    private String nextEvent() throws InterruptedException {
        String event = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(event, "listener event expected");
        return event;
    }

    /** Transactions run out after 64*T1 = 1.28 s; then nothing may remain, connections included. */
    static void awaitIdle(SipStack stack) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        SipStackStats stats = stack.stats();
        while (System.nanoTime() < deadline) {
            stats = stack.stats();
            if (stats.serverTransactions() == 0 && stats.dialogs() == 0 && stats.calls() == 0 && stats.connections() == 0) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        fail("stack not idle: " + stats);
    }
}
