package org.sipee.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.sip.message.Corpus.request4475;

/**
 * RFC 4475 §3.2, §3.3, §3.4: messages that are well formed (parsed) but that the transaction layer or the UAS
 * must answer or handle specially; each test asserts the property the decision is made on. The exceptions
 * (insuf, multi01, mcl01) are refused by the parser with the 400 the RFC asks for.
 */
class Rfc4475SemanticsTest {

    @Test // §3.2.1: branch is only the magic cookie: not usable as a transaction id (400 or RFC 2543 matching)
    void badbranch() {
        SipRequest r = request4475("badbranch");
        assertEquals(Via.MAGIC_COOKIE, r.topVia().branch());
        assertEquals(new CSeq(8, "OPTIONS"), r.cseq());
    }

    @Test // §3.3.1: missing Call-ID, From, To: 400
    void insuf() {
        SipParseException e = Corpus.refused("rfc4475/insuf");
        assertEquals(400, e.statusCode());
        assertEquals("Missing Call-ID", e.reasonPhrase());
        assertNull(e.partialMessage().header("From"));
    }

    @Test // §3.3.2: unknown Request-URI scheme: well formed; a UAS answers 416
    void unkscm() {
        SipRequest r = request4475("unkscm");
        assertEquals("nobodyKnowsThisScheme:totallyopaquecontent", r.requestUri());
        assertEquals("nobodyknowsthisscheme", r.requestUriScheme());
        assertEquals("sip:user@example.com", r.to().uri());
    }

    @Test // §3.3.3: registered but atypical scheme: well formed; 416 when never accepted
    void novelsc() {
        SipRequest r = request4475("novelsc");
        assertEquals("soap.beep://192.0.2.103:3002", r.requestUri());
        assertEquals("soap.beep", r.requestUriScheme());
    }

    @Test // §3.3.4: non-SIP URIs in To, From, Contact: well formed (a registrar would answer 400)
    void unksm2() {
        SipRequest r = request4475("unksm2");
        assertEquals("sip", r.requestUriScheme());
        assertEquals("isbn:2983792873", r.to().uri());
        assertEquals("http://www.example.com", r.from().uri());
        assertEquals("3234233", r.from().tag());
        assertEquals("name:John_Smith", NameAddress.parse(r.header("Contact"), "Contact").uri());
    }

    @Test // §3.3.5: unknown Require: a UAS answers 420 listing them in Unsupported; Proxy-Require is for proxies
    void bext01() {
        SipRequest r = request4475("bext01");
        assertEquals(List.of("nothingSupportsThis", "nothingSupportsThisEither"), r.headerValues("Require"));
        assertEquals(List.of("noProxiesSupportThis", "norDoAnyProxiesSupportThis"), r.headerValues("Proxy-Require"));
        assertEquals("TLS", r.topVia().transport());
    }

    @Test // §3.3.6: unknown Content-Type: a UAS answers 415 with Accept
    void invut() {
        SipRequest r = request4475("invut");
        assertEquals("application/unknownformat", r.header("Content-Type"));
        assertEquals(40, r.body().length);
        assertTrue(new String(r.body(), StandardCharsets.US_ASCII).startsWith("<audio>"));
    }

    @Test // §3.3.7: unknown Authorization scheme: the value is kept whole (Authorization is not a list)
    void regaut01() {
        SipRequest r = request4475("regaut01");
        assertEquals(List.of("NoOneKnowsThisScheme opaque-data=here"), r.headerValues("Authorization"));
        assertEquals("0", r.header("Content-Length"));
    }

    @Test // §3.3.8: several CSeq, Call-ID, To, From, Max-Forwards: 400
    void multi01() {
        SipParseException e = Corpus.refused("rfc4475/multi01");
        assertEquals(400, e.statusCode());
        assertEquals("Multiple Call-ID", e.reasonPhrase());
        assertEquals("2 Call-ID headers where one is allowed", e.getMessage());
        assertInstanceOf(SipRequest.class, e.partialMessage());
    }

    @Test // §3.3.9: two Content-Length values: 400
    void mcl01() {
        SipParseException e = Corpus.refused("rfc4475/mcl01");
        assertEquals(400, e.statusCode());
        assertEquals("Multiple Content-Length", e.reasonPhrase());
        assertEquals("multiple Content-Length headers [13, 5]", e.getMessage());
    }

    @Test // §3.3.10: 200 with a broadcast second Via: well formed; a UAC discards a response with 2 Vias (§8.1.3.3)
    void bcast() {
        SipResponse r = Corpus.response4475("bcast");
        List<String> vias = r.headerValues("Via");
        assertEquals(2, vias.size());
        assertEquals("255.255.255.255", Via.parse(vias.get(1)).host());
    }

    @Test // §3.3.11: Max-Forwards 0: a UAS processes the request normally (483 is for proxies)
    void zeromf() {
        SipRequest r = request4475("zeromf");
        assertEquals(0, r.maxForwards());
        assertEquals("OPTIONS", r.method());
    }

    @Test // §3.3.12: addr-spec Contact: ;unknownparam is a header parameter, not a URI parameter
    void cparam01() {
        NameAddress contact = NameAddress.parse(request4475("cparam01").header("Contact"), "Contact");
        assertEquals("sip:+19725552222@gw1.example.net", contact.uri());
        assertTrue(contact.params().containsKey("unknownparam"));
    }

    @Test // §3.3.13: name-addr Contact: ;unknownparam belongs to the URI
    void cparam02() {
        NameAddress contact = NameAddress.parse(request4475("cparam02").header("m"), "Contact");
        assertEquals("sip:+19725552222@gw1.example.net;unknownparam", contact.uri());
        assertTrue(contact.params().isEmpty());
        assertTrue(SipUri.parse(contact.uri()).params().containsKey("unknownparam"));
    }

    @Test // §3.3.14: an escaped header in a <>-enclosed Contact URI is legal
    void regescrt() {
        NameAddress contact = NameAddress.parse(request4475("regescrt").header("Contact"), "Contact");
        assertEquals("sip:user@example.com?Route=%3Csip:sip.example.com%3E", contact.uri());
        assertEquals("example.com", SipUri.parse(contact.uri()).host());
    }

    @Test // §3.3.15: Accept without application/sdp on an INVITE with SDP: 406 (or 400)
    void sdp01() {
        SipRequest r = request4475("sdp01");
        assertEquals(List.of("text/nobodyKnowsThis"), r.headerValues("Accept"));
        assertEquals("application/sdp", r.header("Content-Type"));
        assertEquals(150, r.body().length);
    }

    @Test // §3.4.1: RFC 2543 INVITE: no branch, no From tag, no Max-Forwards, no Content-Length; accepted
    void inv2543() {
        SipRequest r = request4475("inv2543");
        assertNull(r.topVia().branch());
        assertFalse(r.topVia().hasMagicCookie());
        assertNull(r.from().tag());
        assertEquals(-1, r.maxForwards());
        assertNull(r.header("Content-Length"));
        assertEquals(105, r.body().length); // §18.3: the rest of the datagram
        assertTrue(new String(r.body(), StandardCharsets.US_ASCII).endsWith("m=audio 49217 RTP/AVP 0\r\n"));
        assertEquals("sip:+16505552222@ss1.example.net", r.to().uri()); // addr-spec: ;user=phone is a header param
        assertEquals("phone", r.to().params().get("user"));
    }
}
