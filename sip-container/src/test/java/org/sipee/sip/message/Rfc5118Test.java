package org.sipee.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.sip.message.Corpus.request5118;

/** RFC 5118 §4: IPv6 torture messages. References keep their brackets as written. */
class Rfc5118Test {

    private static String body(SipRequest r) {
        return new String(r.body(), StandardCharsets.US_ASCII);
    }

    @Test // §4.1
    void ipv6Good() {
        SipRequest r = request5118("ipv6-good");
        assertEquals("[2001:db8::10]", SipUri.parse(r.requestUri()).host());
        assertEquals(-1, SipUri.parse(r.requestUri()).port());
        assertEquals("[2001:db8::9:1]", r.topVia().host());
        assertEquals("sip:caller@[2001:db8::1]", NameAddress.parse(r.header("Contact"), "Contact").uri());
    }

    @Test // §4.2: IPv6 address without brackets in the Request-URI: 400
    void ipv6Bad() {
        SipParseException e = Corpus.refused("rfc5118/ipv6-bad");
        assertEquals(400, e.statusCode());
        assertEquals("Bad Request-URI", e.reasonPhrase());
        assertTrue(e.getMessage().contains("must be enclosed in brackets"), e.getMessage());
        assertEquals("SSG9559905523997077@hlau_4100", e.partialMessage().callId());
    }

    @Test // §4.3: everything inside the brackets is the address; no port
    void portAmbiguous() {
        SipUri uri = SipUri.parse(request5118("port-ambiguous").requestUri());
        assertEquals("[2001:db8::10:5070]", uri.host());
        assertEquals(-1, uri.port());
    }

    @Test // §4.4
    void portUnambiguous() {
        SipUri uri = SipUri.parse(request5118("port-unambiguous").requestUri());
        assertEquals("[2001:db8::10]", uri.host());
        assertEquals(5070, uri.port());
    }

    @Test // §4.5: received with brackets
    void viaReceivedParamWithDelim() {
        Via via = request5118("via-received-param-with-delim").topVia();
        assertEquals("[2001:db8::9:1]", via.host());
        assertEquals("[2001:db8::9:255]", via.received());
        assertEquals("z9hG4bKas3-111", via.branch());
    }

    @Test // §4.5: received without brackets (RFC 3261's via-received = IPv4address / IPv6address)
    void viaReceivedParamNoDelim() {
        Via via = request5118("via-received-param-no-delim").topVia();
        assertEquals("2001:db8::9:255", via.received());
        assertEquals("z9hG4bKas3", via.branch());
        assertEquals(via, Via.parse(via.toString()));
    }

    @Test // §4.6
    void ipv6InSdp() {
        SipRequest r = request5118("ipv6-in-sdp");
        assertEquals("[2001:db8::20]", r.topVia().host());
        assertEquals(241, r.body().length);
        assertTrue(body(r).contains("c=IN IP6 2001:db8::20\r\n"));
    }

    @Test // §4.7: IPv6 and IPv4 in one Via list
    void multIpInHeader() {
        List<Via> vias = request5118("mult-ip-in-header").headerValues("Via").stream().map(Via::parse).toList();
        assertEquals("[2001:db8::9:1]", vias.get(0).host());
        assertEquals(6050, vias.get(0).port());
        assertEquals("192.0.2.1", vias.get(1).host());
        assertEquals("[2001:db8::9:255]", vias.get(2).host());
        assertEquals("192.0.2.200", vias.get(2).received());
    }

    @Test // §4.8
    void multIpInSdp() {
        SipRequest r = request5118("mult-ip-in-sdp");
        assertTrue(body(r).contains("c=IN IP4 192.0.2.1\r\n"));
        assertTrue(body(r).contains("c=IN IP6 2001:db8::1\r\n"));
    }

    @Test // §4.9
    void ipv4MappedIpv6() {
        SipRequest r = request5118("ipv4-mapped-ipv6");
        assertEquals("[::ffff:192.0.2.10]", r.topVia().host());
        assertEquals(19823, r.topVia().port());
        assertEquals("[::ffff:192.0.2.2]", Via.parse(r.headerValues("Via").get(1)).host());
        NameAddress contact = NameAddress.parse(r.header("Contact"), "Contact");
        assertEquals("\"T. desk phone\"", contact.displayName());
        assertEquals("[::ffff:192.0.2.2]", SipUri.parse(contact.uri()).host());
        assertTrue(body(r).contains("c=IN IP6 ::ffff:192.0.2.2\r\n"));
    }

    @Test // §4.10: the three-colon form of RFC 3261's ABNF must be tolerated
    void ipv6BugAbnf3Colons() {
        SipRequest r = request5118("ipv6-bug-abnf-3-colons");
        assertEquals("[2001:db8:::192.0.2.1]", SipUri.parse(r.requestUri()).host());
        assertEquals("sip:user@[2001:db8:::192.0.2.1]", r.to().uri());
    }

    @Test // §4.10
    void ipv6CorrectAbnf2Colons() {
        SipRequest r = request5118("ipv6-correct-abnf-2-colons");
        assertEquals("[2001:db8::192.0.2.1]", SipUri.parse(r.requestUri()).host());
    }

    @ParameterizedTest // RFC 4291 §2.2; the RFC 5118 §4.10 tolerance is only for "::" before an IPv4 address
    @ValueSource(strings = {"[2001:db8::1::2]", "[12345::1]", "[1:2:3:4:5:6:7:8:9]", "[1:2:3:4:5:6:7]", "[::1.2.3.256]",
            "[2001:db8:::10]", "[g::1]", "[]", "[::ffff:1.2.3]", "[1.2.3.4]", "[:1::2]"})
    void rejectsMalformedIpv6References(String host) {
        assertThrows(SipParseException.class, () -> SipUri.parse("sip:user@" + host));
        assertThrows(SipParseException.class, () -> Via.parse("SIP/2.0/UDP " + host + ";branch=z9hG4bK1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "1:2:3:4:5:6:7:8", "1::8", "::ffff:192.0.2.2", "1:2:3:4:5:6:1.2.3.4",
            "2001:DB8::a:B", "1:2:3:4:5:6:7::", ":::192.0.2.1"})
    void acceptsIpv6Addresses(String address) {
        assertTrue(IpLiterals.isIpv6(address), address);
        assertEquals("[" + address + "]", SipUri.parse("sip:[" + address + "]:5060").host());
    }

    @Test
    void ipv4Octets() {
        assertTrue(IpLiterals.isIpv4("192.0.2.255", 0, 11));
        assertFalse(IpLiterals.isIpv4("192.0.2.256", 0, 11));
        assertFalse(IpLiterals.isIpv4("192.0.2", 0, 7));
        assertFalse(IpLiterals.isIpv4("1..2.3", 0, 6));
    }
}
