package org.sipee.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SipParserTest {

    private static final String INVITE = String.join("\r\n",
            "INVITE sip:bob@example.com SIP/2.0",
            "v: SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bK776asdhds;rport, SIP/2.0/UDP proxy.example.com;branch=z9hG4bKx",
            "Via: SIP/2.0/TCP third.example.com;branch=z9hG4bKy",
            "Max-Forwards: 70",
            "t: Bob <sip:bob@example.com>",
            "f: \"Alice, the caller\" <sip:alice@example.com>;tag=1928301774",
            "i: a84b4c76e66710@pc33.example.com",
            "CSeq: 314159 INVITE",
            "m: <sip:alice@192.0.2.1:5070>;q=0.7, \"Desk, Home\" <sip:alice@home.example.com,x>",
            "Subject: lunch,",
            "  tomorrow",
            "c: application/sdp",
            "l: 4",
            "",
            "v=0\r\nEXTRA");

    private static SipMessage parse(String text) {
        return SipParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesCompactFormsFoldingAndMultiValueHeaders() {
        SipRequest request = assertInstanceOf(SipRequest.class, parse(INVITE));
        assertEquals("INVITE", request.method());
        assertEquals("sip:bob@example.com", request.requestUri());
        assertEquals("a84b4c76e66710@pc33.example.com", request.header("Call-ID"));
        assertEquals("a84b4c76e66710@pc33.example.com", request.header("call-id"));
        assertEquals(3, request.headerValues("VIA").size());
        assertEquals("SIP/2.0/UDP proxy.example.com;branch=z9hG4bKx", request.headerValues("Via").get(1));
        assertEquals("SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bK776asdhds;rport", request.header("v"));
        assertEquals(List.of("<sip:alice@192.0.2.1:5070>;q=0.7", "\"Desk, Home\" <sip:alice@home.example.com,x>"),
                request.headerValues("Contact"));
        assertEquals("lunch, tomorrow", request.header("Subject"));
        assertEquals(List.of("lunch, tomorrow"), request.headerValues("s"));
        assertEquals("application/sdp", request.header("Content-Type"));
        assertArrayEquals("v=0\r".getBytes(StandardCharsets.US_ASCII), request.body());
    }

    @Test
    void typedViews() {
        SipRequest request = (SipRequest) parse(INVITE);
        Via via = request.topVia();
        assertEquals("192.0.2.1", via.host());
        assertEquals(5070, via.port());
        assertEquals("z9hG4bK776asdhds", via.branch());
        assertTrue(via.hasRport());
        assertEquals(-1, via.rport());
        assertEquals(new CSeq(314159, "INVITE"), request.cseq());
        assertEquals("1928301774", request.from().tag());
        assertEquals("\"Alice, the caller\"", request.from().displayName());
        assertEquals("sip:alice@example.com", request.from().uri());
        assertNull(request.to().tag());
        assertEquals("Bob", request.to().displayName());
    }

    @Test
    void addrSpecParametersBelongToTheHeader() {
        NameAddress contact = NameAddress.parse("sip:+19725552222@gw1.example.net;unknownparam", "Contact");
        assertEquals("sip:+19725552222@gw1.example.net", contact.uri());
        assertTrue(contact.params().containsKey("unknownparam"));
    }

    @Test
    void sipUri() {
        SipUri uri = SipUri.parse("sip:alice@[2001:db8::1]:5062;transport=udp;lr?subject=x");
        assertEquals("alice", uri.user());
        assertEquals("[2001:db8::1]", uri.host());
        assertEquals(5062, uri.port());
        assertTrue(uri.params().containsKey("lr"));
        assertEquals("udp", uri.params().get("transport"));
    }

    @Test
    void roundTrip() {
        SipMessage first = parse(INVITE);
        byte[] wire = SipSerializer.encode(first);
        SipMessage second = SipParser.parse(wire);
        assertEquals(first.startLine(), second.startLine());
        assertEquals(first.headers(), second.headers());
        assertArrayEquals(first.body(), second.body());
        assertArrayEquals(wire, SipSerializer.encode(second));
    }

    @Test
    void serializesResponseBuiltForRequest() {
        SipRequest request = (SipRequest) parse(INVITE);
        SipResponse ok = Responses.create(request, 200, "OK", "abc");
        ok.setBody("x".getBytes(StandardCharsets.US_ASCII));
        SipResponse parsed = (SipResponse) SipParser.parse(SipSerializer.encode(ok));
        assertEquals(200, parsed.status());
        assertEquals("abc", parsed.to().tag());
        assertEquals(3, parsed.headerValues("Via").size());
        assertEquals("1", parsed.header("Content-Length"));
        assertEquals("314159 INVITE", parsed.header("CSeq"));
    }

    @Test
    void ignoresLeadingCrlfAndAcceptsBareLf() {
        String text = "\r\n\r\nOPTIONS sip:a@b SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nCall-ID: c\n"
                + "CSeq: 1 OPTIONS\nFrom: <sip:x@y>;tag=1\nTo: <sip:a@b>\n\n";
        assertEquals("OPTIONS", ((SipRequest) parse(text)).method());
    }

    @Test
    void reportsMissingHeaderWithPartialRequest() {
        SipParseException e = assertThrows(SipParseException.class, () -> parse(INVITE.replace("i: a84b4c76e66710@pc33.example.com\r\n", "")));
        assertEquals("missing Call-ID header", e.getMessage());
        assertEquals("Missing Call-ID", e.reasonPhrase());
        assertInstanceOf(SipRequest.class, e.partialMessage());
    }

    @Test
    void reportsCSeqMethodMismatch() {
        SipParseException e = assertThrows(SipParseException.class, () -> parse(INVITE.replace("CSeq: 314159 INVITE", "CSeq: 314159 BYE")
                .replace("INVITE sip:bob", "BYE sip:bob").replace("CSeq: 314159 BYE", "CSeq: 314159 INVITE")));
        assertEquals("CSeq method INVITE does not match request method BYE", e.getMessage());
    }

    @Test
    void reportsContentLengthBeyondBody() {
        SipParseException e = assertThrows(SipParseException.class, () -> parse(INVITE.replace("l: 4", "l: 300")));
        assertEquals("Content-Length 300 exceeds body length 10", e.getMessage());
    }

    @Test
    void rejectsOversizedInput() {
        byte[] huge = new byte[70 * 1024];
        SipParseException e = assertThrows(SipParseException.class, () -> SipParser.parse(huge));
        assertEquals("message of 71680 bytes exceeds the 65536-byte limit", e.getMessage());
        String longHeader = INVITE.replace("Max-Forwards: 70", "X-Long: " + "a".repeat(9000));
        e = assertThrows(SipParseException.class, () -> parse(longHeader));
        assertEquals("header line is longer than 8192 bytes", e.getMessage());
        assertNull(e.partialMessage());
    }

    @Test
    void rejectsGarbageAndTruncation() {
        assertThrows(SipParseException.class, () -> parse("hello world"));
        assertThrows(SipParseException.class, () -> parse(INVITE.substring(0, 120)));
        assertThrows(SipParseException.class, () -> parse("INVITE  sip:a@b SIP/2.0\r\n\r\n"));
        assertThrows(SipParseException.class, () -> SipParser.parse(new byte[] {0, 1, 2, (byte) 0xff, '\n'}));
    }

    @Test
    void setTopViaKeepsOtherValuesOfTheLine() {
        SipRequest request = (SipRequest) parse(INVITE);
        request.setTopVia(request.topVia().withParam("received", "10.0.0.1"));
        assertEquals("10.0.0.1", request.topVia().received());
        assertEquals(3, request.headerValues("Via").size());
        assertSame(request.topVia(), request.topVia());
    }
}
