package org.sipee.sip.transport;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.Via;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 3261 §18.1.1: UDP unless the request is within 200 bytes of the MTU or its Via asks otherwise. */
class TransportSelectionTest {

    private static final InetSocketAddress LOCAL = new InetSocketAddress("192.0.2.1", 5080);
    private static final Set<String> BOTH = Set.of("UDP", "TCP");

    private static SipRequest invite(String transport, int bodyBytes) {
        String body = "x".repeat(bodyBytes);
        String text = "INVITE sip:bob@192.0.2.9 SIP/2.0\r\nVia: SIP/2.0/" + transport + " placeholder;branch=z9hG4bKabc;rport\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:alice@a>;tag=1\r\nTo: <sip:bob@b>\r\nCall-ID: sel\r\nCSeq: 1 INVITE\r\n"
                + "Content-Length: " + bodyBytes + "\r\n\r\n" + body;
        return (SipRequest) SipParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static TransportSelection.Choice choose(SipRequest request, Set<String> available) {
        return TransportSelection.choose(request, available, name -> LOCAL);
    }

    private static String wire(TransportSelection.Choice choice) {
        return new String(choice.encoded(), StandardCharsets.UTF_8);
    }

    @Test
    void smallRequestGoesOverUdpWithOurSentBy() {
        TransportSelection.Choice choice = choose(invite("UDP", 100), BOTH);
        assertEquals("UDP", choice.transport());
        assertTrue(wire(choice).contains("\r\nVia: SIP/2.0/UDP 192.0.2.1:5080;branch=z9hG4bKabc;rport\r\n"), wire(choice));
    }

    @Test
    void requestOver1300BytesSwitchesToTcpAndSaysSoInVia() {
        SipRequest request = invite("UDP", 1200);
        TransportSelection.Choice choice = choose(request, BOTH);
        assertEquals("TCP", choice.transport());
        assertTrue(choice.encoded().length > TransportSelection.UDP_LIMIT);
        assertTrue(wire(choice).contains("\r\nVia: SIP/2.0/TCP 192.0.2.1:5080;branch=z9hG4bKabc;rport\r\n"), wire(choice));
        assertEquals("TCP", request.topVia().transport());
    }

    @Test
    void thresholdIsMtuMinus200() {
        int fits = 1000;
        while (choose(invite("UDP", fits + 1), Set.of("UDP")).encoded().length <= 1300) {
            fits++;
        }
        assertEquals(1300, choose(invite("UDP", fits), Set.of("UDP")).encoded().length);
        assertEquals("UDP", choose(invite("UDP", fits), BOTH).transport());
        assertEquals("TCP", choose(invite("UDP", fits + 1), BOTH).transport());
    }

    @Test
    void largeRequestStaysOnUdpWithoutTcp() {
        assertEquals("UDP", choose(invite("UDP", 1500), Set.of("UDP")).transport());
    }

    @Test
    void viaSayingTcpKeepsTcp() {
        assertEquals("TCP", choose(invite("TCP", 10), BOTH).transport());
        assertThrows(IllegalArgumentException.class, () -> choose(invite("TLS", 10), BOTH));
    }

    @Test
    void ipv6SentByInBrackets() {
        SipRequest request = invite("UDP", 0);
        TransportSelection.choose(request, BOTH, name -> new InetSocketAddress("::1", 5090));
        assertEquals("[::1]:5090", request.topVia().sentBy());
        assertEquals("[2001:db8::1]", TransportSelection.hostText(new InetSocketAddress("2001:db8:0:0:0:0:0:1", 1)));
    }

    @Test
    void wildcardBindKeepsTheCallersHost() {
        SipRequest request = invite("UDP", 0);
        TransportSelection.choose(request, BOTH, name -> new InetSocketAddress("0.0.0.0", 5090));
        assertEquals("placeholder:5090", request.topVia().sentBy());
    }

    @Test
    void streamDestinationUsesReceivedAndSentByPortNotRport() {
        Via via = Via.parse("SIP/2.0/TCP pc.example.com:5062;rport=40001;received=10.0.0.7;branch=z9hG4bK1");
        assertEquals(new InetSocketAddress("10.0.0.7", 5062), ResponseRouting.streamDestination(via));
    }
}
