package org.sipee.sip.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipee.sip.SipStack;
import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client side of the transport: RequestChannel (§18.1.1) and §18.2.2's fallback connection for responses. */
class SendRequestTest {

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private SipStack stack;

    @BeforeEach
    void start() throws IOException {
        stack = SipStack.start(TcpEndToEndTest.config("127.0.0.1"), null, TcpEndToEndTest.ringing(events));
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    private SipRequest message(int bodyBytes) {
        return message(bodyBytes, "UDP");
    }

    private SipRequest message(int bodyBytes, String transport) {
        String text = Requests.request(transport, new InetSocketAddress("192.0.2.1", 1), "MESSAGE", "sip:bob@127.0.0.1",
                "r1", "r1", 1, "", null).replace("Content-Length: 0\r\n\r\n",
                "Content-Type: text/plain\r\nContent-Length: " + bodyBytes + "\r\n\r\n" + "m".repeat(bodyBytes));
        return (SipRequest) SipParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private String ours() {
        return "127.0.0.1:" + stack.localAddress().getPort();
    }

    @Test
    void smallRequestOverUdp() throws Exception {
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            peer.setSoTimeout(3000);
            SentMessage sent = stack.requestChannel().send(message(10), (InetSocketAddress) peer.getLocalSocketAddress());
            assertFalse(sent.reliable());
            DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
            peer.receive(packet);
            String wire = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            assertTrue(wire.contains("\r\nVia: SIP/2.0/UDP " + ours() + ";rport;branch=z9hG4bKr1\r\n"), wire);
            sent.delivery().toCompletableFuture().get(1, TimeUnit.SECONDS);
        }
    }

    @Test
    void largeRequestOverTcpReusingTheConnection() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            peer.setSoTimeout(3000);
            InetSocketAddress destination = (InetSocketAddress) peer.getLocalSocketAddress();
            SentMessage sent = stack.requestChannel().send(message(1400), destination);
            assertTrue(sent.reliable());
            try (Socket accepted = peer.accept()) {
                accepted.setSoTimeout(3000);
                sent.delivery().toCompletableFuture().get(3, TimeUnit.SECONDS);
                assertEquals(1, stack.stats().connections());
                stack.requestChannel().send(message(1500), destination); // same connection, no second accept
                var in = accepted.getInputStream();
                for (int bodyBytes : new int[] {1400, 1500}) {
                    String wire = readMessage(in, bodyBytes);
                    assertTrue(wire.contains("\r\nVia: SIP/2.0/TCP " + ours() + ";rport;branch=z9hG4bKr1\r\n"), wire);
                    assertTrue(wire.endsWith("m".repeat(bodyBytes)));
                }
                long before = stack.stats().messagesReceived();
                // the peer answers on that connection: it reaches the stack (dropped until client transactions exist)
                accepted.getOutputStream().write(("SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP " + ours() + ";branch=z9hG4bKr1\r\n"
                        + "From: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: r1\r\nCSeq: 1 MESSAGE\r\n"
                        + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                awaitReceived(before + 1);
            }
        }
    }

    @Test
    void refusedConnectFailsTheDelivery() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        SentMessage sent = stack.requestChannel().send(message(10, "TCP"), new InetSocketAddress("127.0.0.1", closedPort));
        assertTrue(sent.reliable());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> sent.delivery().toCompletableFuture().get(3, TimeUnit.SECONDS));
        assertInstanceOf(TransportException.class, e.getCause()); // §17.1.4: the transaction reports a transport error
        assertTrue(e.getCause().getMessage().contains("127.0.0.1:" + closedPort), e.getCause().getMessage());
        assertEquals(0, stack.stats().connections());
    }

    @Test
    void responseOpensANewConnectionToSentByWhenTheRequestsConnectionIsGone() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(3000);
            InetSocketAddress sentBy = (InetSocketAddress) listener.getLocalSocketAddress();
            String uri = "sip:wait@127.0.0.1";
            try (StreamClient first = new StreamClient(stack.localAddress())) {
                first.write(Requests.request("TCP", sentBy, "INVITE", uri, "n1", "n1", 1, "", null));
                TcpEndToEndTest.expect(first, 180, "INVITE");
            }
            try (StreamClient second = new StreamClient(stack.localAddress())) {
                second.write(Requests.request("TCP", sentBy, "CANCEL", uri, "n1", "n1", 1, "", null));
                TcpEndToEndTest.expect(second, 200, "CANCEL"); // on the CANCEL's own connection
                try (Socket back = listener.accept()) { // §18.2.2: the 487 opens a connection to sent-by
                    back.setSoTimeout(3000);
                    SipResponse terminated = (SipResponse) SipParser.parse(readMessage(back.getInputStream(), 0)
                            .getBytes(StandardCharsets.UTF_8));
                    assertEquals(487, terminated.status());
                }
            }
        }
    }

    private void awaitReceived(long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (stack.stats().messagesReceived() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertEquals(count, stack.stats().messagesReceived());
    }

    /** Reads one message whose body is known to be bodyBytes long. */
    private static String readMessage(java.io.InputStream in, int bodyBytes) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) b);
        }
        return head + new String(in.readNBytes(bodyBytes), StandardCharsets.UTF_8);
    }
}
