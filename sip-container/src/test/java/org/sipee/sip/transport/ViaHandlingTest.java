package org.sipee.sip.transport;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.Via;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** RFC 3261 §18.2.1 / §18.2.2 and RFC 3581. */
class ViaHandlingTest {

    private static SipRequest options(String via) {
        String text = "OPTIONS sip:a@b SIP/2.0\r\nVia: " + via + "\r\nFrom: <sip:x@y>;tag=1\r\nTo: <sip:a@b>\r\n"
                + "Call-ID: c\r\nCSeq: 1 OPTIONS\r\n\r\n";
        return (SipRequest) SipParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final InetSocketAddress SOURCE = new InetSocketAddress("10.0.0.7", 40000);

    @Test
    void receivedAddedWhenSentByDiffersFromSource() {
        SipRequest request = options("SIP/2.0/UDP pc.example.com:5062;branch=z9hG4bK1");
        ViaStamping.stamp(request, SOURCE);
        assertEquals("10.0.0.7", request.topVia().received());
        assertEquals(new InetSocketAddress("10.0.0.7", 5062), ResponseRouting.destination(request.topVia()));
    }

    @Test
    void nothingAddedWhenSentByIsTheSource() {
        SipRequest request = options("SIP/2.0/UDP 10.0.0.7:5062;branch=z9hG4bK1");
        ViaStamping.stamp(request, SOURCE);
        assertNull(request.topVia().received());
        assertEquals(new InetSocketAddress("10.0.0.7", 5062), ResponseRouting.destination(request.topVia()));
    }

    @Test
    void emptyRportIsFilledAndUsedForRouting() {
        SipRequest request = options("SIP/2.0/UDP 10.0.0.7:5062;rport;branch=z9hG4bK1");
        ViaStamping.stamp(request, SOURCE);
        Via via = request.topVia();
        assertEquals(40000, via.rport());
        assertEquals("10.0.0.7", via.received());
        assertEquals("SIP/2.0/UDP 10.0.0.7:5062;rport=40000;branch=z9hG4bK1;received=10.0.0.7", via.toString());
        assertEquals(SOURCE, ResponseRouting.destination(via));
    }

    @Test
    void defaultPortAndHostNames() {
        assertEquals(new InetSocketAddress("192.0.2.4", 5060),
                ResponseRouting.destination(Via.parse("SIP/2.0/UDP 192.0.2.4;branch=z9hG4bK1")));
        assertNull(ResponseRouting.destination(Via.parse("SIP/2.0/UDP host.example.com;branch=z9hG4bK1")));
        assertEquals(new InetSocketAddress("::1", 5070),
                ResponseRouting.destination(Via.parse("SIP/2.0/UDP [::1]:5070;branch=z9hG4bK1")));
    }
}
