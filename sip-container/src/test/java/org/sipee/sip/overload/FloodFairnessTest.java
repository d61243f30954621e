package org.sipee.sip.overload;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sipee.sip.SipStack;
import org.sipee.sip.SipStackConfig;
import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.InboundCall;
import org.sipee.sip.ua.UserAgentListener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over loopback UDP: one source floods the stack with new requests while another sends at a normal pace; the flooder
 * is answered 503 with Retry-After once past the limit, the other source is served throughout.
 */
class FloodFairnessTest {

    private static final int LIMIT = 50;
    /** OPTIONS get the default 200; no call is made here. */
    private static final UserAgentListener OPTIONS_ONLY = new UserAgentListener() {
        @Override public void onInvite(InboundCall call) { call.reject(603, "Decline"); }
        @Override public void onAck(InboundCall call) { }
        @Override public void onCallEnded(InboundCall call, CallEndReason reason) { }
    };

    @Test
    void aFloodFromOneSourceLeavesTheOthersServed() throws IOException {
        OverloadPolicy policy = new OverloadPolicy(1000, 10_000, 5, 1000, LIMIT, Duration.ofSeconds(10), Duration.ofSeconds(60),
                List.of());
        SipStackConfig config = SipStackConfig.defaults("127.0.0.1", 0).withTransports(List.of("UDP")).withOverload(policy);
        try (SipStack stack = SipStack.start(config, null, OPTIONS_ONLY);
             DatagramSocket flooder = socket("127.0.0.2");
             DatagramSocket phone = socket("127.0.0.3")) {
            Map<Integer, Integer> flooderStatuses = new HashMap<>();
            Map<Integer, Integer> phoneStatuses = new HashMap<>();
            for (int i = 0; i < 400; i++) {
                send(flooder, stack.localAddress(), "f" + i);
                if (i % 10 == 0) { // 40 requests: within the limit
                    send(phone, stack.localAddress(), "p" + i);
                    count(phone, phoneStatuses);
                }
                count(flooder, flooderStatuses);
            }
            assertEquals(Map.of(200, 40), phoneStatuses, "every request of the other source is served");
            assertEquals(LIMIT - 1, flooderStatuses.get(200), "the flooder is served up to its limit");
            assertEquals(400 - LIMIT + 1, flooderStatuses.get(503), "then refused");
            assertEquals(400L - LIMIT + 1, stack.stats().refused().get(ShedReason.FLOOD));
        }
    }

    private static DatagramSocket socket(String address) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, 0));
        socket.setSoTimeout(5000);
        return socket;
    }

    private static void send(DatagramSocket socket, InetSocketAddress server, String id) throws IOException {
        String sentBy = socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
        String text = "OPTIONS sip:" + server.getAddress().getHostAddress() + ":" + server.getPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + sentBy + ";branch=z9hG4bK" + id + "\r\nMax-Forwards: 70\r\n"
                + "From: <sip:scan@" + sentBy + ">;tag=" + id + "\r\nTo: <sip:" + server.getAddress().getHostAddress() + ">\r\n"
                + "Call-ID: " + id + "@flood\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, server));
    }

    /** Waits for the answer to the request just sent (one at a time, so nothing is lost to a full buffer). */
    private static void count(DatagramSocket socket, Map<Integer, Integer> statuses) throws IOException {
        byte[] buffer = new byte[4096];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no answer within 5 s", e);
        }
        byte[] data = Arrays.copyOf(buffer, packet.getLength());
        SipResponse response = (SipResponse) SipParser.parse(data);
        if (response.status() == 503) {
            assertTrue(Integer.parseInt(response.header("Retry-After")) > 0, "503 carries Retry-After");
        }
        statuses.merge(response.status(), 1, Integer::sum);
    }
}
