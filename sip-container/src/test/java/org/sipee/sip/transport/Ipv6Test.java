package org.sipee.sip.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipee.sip.SipStack;
import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The stack bound to ::1: bracketed sent-by, received for IPv6 sources, responses routed to IPv6 (UDP and TCP). */
class Ipv6Test {

    private static final InetAddress LOOPBACK6 = loopback6();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private SipStack stack;

    private static InetAddress loopback6() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return probe.getInetAddress() instanceof Inet6Address ? probe.getInetAddress() : null;
        } catch (IOException e) {
            return null;
        }
    }

    @BeforeEach
    void start() throws IOException {
        assumeTrue(LOOPBACK6 != null, "no IPv6 loopback on this machine");
        stack = SipStack.start(TcpEndToEndTest.config("::1"), null, TcpEndToEndTest.ringing(events));
    }

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void udpRequestFromIpv6GetsReceivedAndItsResponse() throws Exception {
        try (DatagramSocket uac = new DatagramSocket(new InetSocketAddress(LOOPBACK6, 0))) {
            uac.setSoTimeout(3000);
            InetSocketAddress claimed = new InetSocketAddress("::2", uac.getLocalPort()); // sent-by not the source
            byte[] options = Requests.request("UDP", claimed, "OPTIONS", "sip:x@[::1]", "v1", "v1", 1, "", null)
                    .replace(";rport", "").getBytes(StandardCharsets.UTF_8);
            uac.send(new DatagramPacket(options, options.length, stack.localAddress()));
            DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
            uac.receive(packet); // routed to received=::1 at the sent-by port
            SipResponse ok = (SipResponse) SipParser.parse(packet.getData(), 0, packet.getLength());
            assertEquals(200, ok.status());
            assertEquals("SIP/2.0/UDP [::2]:" + uac.getLocalPort() + ";branch=z9hG4bKv1;received=::1",
                    ok.header("Via"));
        }
    }

    @Test
    void tcpCallOverIpv6() throws Exception {
        try (StreamClient uac = new StreamClient(stack.localAddress())) {
            uac.write(Requests.request("TCP", uac.local(), "INVITE", "sip:answer@[::1]", "v2", "v2", 1, "", Requests.SDP));
            SipResponse ok = TcpEndToEndTest.expect(uac, 200, "INVITE");
            assertTrue(ok.header("Contact").startsWith("<sip:[0:0:0:0:0:0:0:1]:") || ok.header("Contact").startsWith("<sip:[::1]:"),
                    ok.header("Contact"));
        }
    }

    @Test
    void requestsCarryABracketedSentBy() throws Exception {
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(LOOPBACK6, 0))) {
            peer.setSoTimeout(3000);
            var request = (org.sipee.sip.message.SipRequest) SipParser.parse(Requests.request("UDP",
                    new InetSocketAddress("::1", 1), "OPTIONS", "sip:x@[::1]", "v3", "v3", 1, "", null)
                    .getBytes(StandardCharsets.UTF_8));
            stack.requestChannel().send(request, (InetSocketAddress) peer.getLocalSocketAddress());
            DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
            peer.receive(packet);
            String wire = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            assertTrue(wire.contains("Via: SIP/2.0/UDP [::1]:" + stack.localAddress().getPort() + ";"), wire);
        }
    }
}
