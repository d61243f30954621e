package org.sipee.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.sip.message.Corpus.request4475;
import static org.sipee.sip.message.Corpus.response4475;

/** RFC 4475 §3.1.1: valid messages parse, with the values the RFC calls out. */
class Rfc4475ValidTest {

    @Test // §3.1.1.1: case, LWS and folding everywhere LWS is allowed
    void wsinv() {
        SipRequest r = request4475("wsinv");
        assertEquals("INVITE", r.method());
        assertEquals("sip:vivekg@chair-dnrc.example.com;unknownparam", r.requestUri());
        assertEquals("wsinv.ndaksdj@192.0.2.1", r.callId());
        assertEquals(new CSeq(9, "INVITE"), r.cseq());
        assertEquals(68, r.maxForwards());
        assertEquals("sip:vivekg@chair-dnrc.example.com", r.to().uri());
        assertEquals("1918181833n", r.to().tag());
        assertEquals("\"J Rosenberg \\\\\\\"\"", r.from().displayName());
        assertEquals("98asjd8", r.from().tag());
        List<String> vias = r.headerValues("Via");
        assertEquals(3, vias.size());
        assertEquals(new Via("2.0", "UDP", "192.0.2.2", -1, java.util.Map.of("branch", "390skdjuw")), r.topVia());
        Via second = Via.parse(vias.get(1));
        assertEquals("TCP", second.transport());
        assertEquals("spindle.example.com", second.host());
        assertEquals("z9hG4bK9ikj8", second.branch());
        assertEquals("192.168.255.111", Via.parse(vias.get(2)).host());
        assertEquals("z9hG4bK30239", Via.parse(vias.get(2)).branch());
        assertEquals("newfangled value continued newfangled value", r.header("NewFangledHeader"));
        assertEquals(";;,,;;,;", r.header("UnknownHeaderWithUnusualValue"));
        assertEquals("", r.header("Subject"));
        assertEquals("<sip:services.example.com;lr;unknownwith=value;unknown-no-value>", r.header("Route"));
        NameAddress contact = NameAddress.parse(r.header("Contact"), "Contact");
        assertEquals("\"Quoted string \\\"\\\"\"", contact.displayName());
        assertEquals("sip:jdrosen@example.com", contact.uri());
        assertEquals("newvalue", contact.params().get("newparam"));
        assertTrue(contact.params().containsKey("secondparam"));
        assertEquals("0.33", contact.params().get("q"));
        assertEquals("application/sdp", r.header("Content-Type"));
        assertEquals(150, r.body().length);
    }

    @Test // §3.1.1.2: every token character in method, header name, tag; odd characters in quoted strings
    void intmeth() {
        SipRequest r = request4475("intmeth");
        assertEquals("!interesting-Method0123456789_*+`.%indeed'~", r.method());
        assertEquals("sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)"
                + "@example.com", r.requestUri());
        assertEquals("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", r.callId());
        assertEquals(new CSeq(139122385, "!interesting-Method0123456789_*+`.%indeed'~"), r.cseq());
        assertEquals("z9hG4bK-.!%66*_+`'~", r.topVia().branch());
        assertEquals("\"BEL:\\\u0007 NUL:\\\u0000 DEL:\\\u007f\"", r.to().displayName());
        assertEquals("token1~` token2'+_ token3*%!.-", r.from().displayName());
        assertEquals("_token~1'+`*%!-.", r.from().tag());
        assertEquals("\"работающий\"", r.from().params().get("fromparam''~+*_!.-%"));
        assertEquals(255, r.maxForwards());
        assertEquals("\uFEFF大停電", r.header("extensionHeader-!.%*+_`'~"));
        assertEquals(0, r.body().length);
    }

    @Test // §3.1.1.3: valid use of % escaping; the escaped URIs compare equal to their unescaped forms
    void esc01() {
        SipRequest r = request4475("esc01");
        assertEquals("sip:sips%3Auser%40example.com@example.net", r.requestUri());
        SipUri uri = SipUri.parse(r.requestUri());
        assertEquals("sips:user@example.com", SipUri.unescape(uri.user()));
        assertEquals("example.net", uri.host());
        assertEquals("user", SipUri.unescape(SipUri.parse(r.to().uri()).user()));
        assertEquals("I have spaces", SipUri.unescape(SipUri.parse(r.from().uri()).user()));
        assertEquals("esc01.239409asdfakjkn23onasd0-3234", r.callId());
        assertEquals("<sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31>", r.header("Contact"));
        SipUri contact = SipUri.parse(NameAddress.parse(r.header("Contact"), "Contact").uri());
        assertEquals("caller", SipUri.unescape(contact.user()));
        assertEquals("value%41", SipUri.unescape(contact.params().get("n%61me")));
        assertEquals(150, r.body().length);
    }

    @Test // §3.1.1.4: escaped nulls in URIs
    void escnull() {
        SipRequest r = request4475("escnull");
        assertEquals("sip:null-%00-null@example.com", r.to().uri());
        assertEquals("null-\u0000-null", SipUri.unescape(SipUri.parse(r.to().uri()).user()));
        assertEquals(List.of("<sip:%00@host5.example.com>", "<sip:%00%00@host5.example.com>"), r.headerValues("Contact"));
        assertEquals(new CSeq(14398234, "REGISTER"), r.cseq());
    }

    @Test // §3.1.1.5: % that is not an escape: the method and header name are tokens, not REGISTER / Contact
    void esc02() {
        SipRequest r = request4475("esc02");
        assertEquals("RE%47IST%45R", r.method());
        assertEquals("RE%47IST%45R", r.cseq().method());
        assertEquals("\"%Z%45\"", r.to().displayName());
        assertEquals("z9hG4bK209%fzsnel234", r.topVia().branch());
        assertEquals(List.of("<sip:alias1@host1.example.com>", "<sip:alias3@host3.example.com>"), r.headerValues("Contact"));
        assertEquals("<sip:alias2@host2.example.com>", r.header("C%6Fntact"));
    }

    @Test // §3.1.1.6: no LWS between display name and <
    void lwsdisp() {
        SipRequest r = request4475("lwsdisp");
        assertEquals("caller", r.from().displayName());
        assertEquals("sip:caller@example.com", r.from().uri());
        assertEquals("323", r.from().tag());
    }

    @Test // §3.1.1.7: long values everywhere
    void longreq() {
        SipRequest r = request4475("longreq");
        assertEquals(new CSeq(3882340, "INVITE"), r.cseq());
        assertTrue(r.to().displayName().startsWith("\"I have a user name of extremeextreme"));
        assertTrue(r.from().tag().startsWith("12982982982982982982"));
        assertTrue(r.callId().startsWith("longreq.onereallyreallyreally"));
        assertEquals(34, r.headerValues("Via").size());
        assertEquals("sip33.example.com", r.topVia().host());
        assertEquals(150, r.body().length);
    }

    @Test // §3.1.1.8: extra octets after Content-Length in a datagram are discarded (§18.3)
    void dblreq() {
        SipRequest r = request4475("dblreq");
        assertEquals("REGISTER", r.method());
        assertEquals("dblreq.0ha0isndaksdj99sdfafnl3lk233412", r.callId());
        assertEquals(0, r.body().length);
    }

    @Test // §3.1.1.9: semicolon-separated parameters in the user part
    void semiuri() {
        SipRequest r = request4475("semiuri");
        assertEquals("sip:user;par=u%40example.net@example.com", r.requestUri());
        SipUri uri = SipUri.parse(r.requestUri());
        assertEquals("user;par=u%40example.net", uri.user());
        assertEquals("example.com", uri.host());
        assertTrue(uri.params().isEmpty());
        assertEquals(List.of("application/sdp", "application/pkcs7-mime", "multipart/mixed", "multipart/signed",
                "message/sip", "message/sipfrag"), r.headerValues("Accept"));
    }

    @Test // §3.1.1.10: transport tokens, known and unknown
    void transports() {
        SipRequest r = request4475("transports");
        assertEquals("transports.kijh4akdnaqjkwendsasfdj", r.callId());
        assertEquals(List.of("UDP", "SCTP", "TLS", "UNKNOWN", "TCP"),
                r.headerValues("Via").stream().map(v -> Via.parse(v).transport()).toList());
    }

    @Test // §3.1.1.11: multipart body with binary content, framed by Content-Length
    void mpart01() {
        SipRequest r = request4475("mpart01");
        assertEquals("MESSAGE", r.method());
        assertEquals("multipart/mixed;boundary=7a9cbec02ceef655", r.header("Content-Type"));
        assertEquals(553, r.body().length);
        assertTrue(new String(r.body(), StandardCharsets.ISO_8859_1).endsWith("--7a9cbec02ceef655--\r\n"));
        assertEquals("Sat, 15 Oct 2005 04:44:56 GMT", r.header("Date"));
        assertTrue(r.topVia().hasRport());
        assertEquals(-1, r.topVia().rport());
    }

    @Test // §3.1.1.12: a reason phrase with UTF-8 and unusual characters
    void unreason() {
        SipResponse r = response4475("unreason");
        assertEquals(200, r.status());
        assertEquals("= 2**3 * 5**2 но сто девяносто девять - простое", r.reason());
        assertEquals("unreason.1234ksdfak3j2erwedfsASdf", r.callId());
        assertEquals(154, r.body().length);
    }

    @Test // §3.1.1.13: an empty reason phrase
    void noreason() {
        SipResponse r = response4475("noreason");
        assertEquals(100, r.status());
        assertEquals("", r.reason());
        assertEquals("902jndnke3", r.to().tag());
        assertFalse(r.isSuccess());
        assertNull(r.header("Max-Forwards"));
    }
}
