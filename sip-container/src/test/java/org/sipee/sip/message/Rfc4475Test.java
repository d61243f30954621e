package org.sipee.sip.message;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RFC 4475 torture tests: §3.1.1 valid messages parse, §3.1.2 and §3.2 framing/semantic errors are refused. */
class Rfc4475Test {

    private static byte[] load(String name) throws IOException {
        try (InputStream in = Rfc4475Test.class.getResourceAsStream("/rfc4475/" + name + ".dat")) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    private static SipRequest request(String name) throws IOException {
        return (SipRequest) SipParser.parse(load(name));
    }

    @Test
    void wsinv() throws IOException {
        SipRequest r = request("wsinv");
        assertEquals("INVITE", r.method());
        assertEquals("wsinv.ndaksdj@192.0.2.1", r.callId());
        assertEquals(new CSeq(9, "INVITE"), r.cseq());
        assertEquals(150, r.body().length);
        assertEquals("390skdjuw", r.topVia().branch());
        assertEquals(3, r.headerValues("Via").size());
        assertEquals("98asjd8", r.from().tag());
        assertEquals("1918181833n", r.to().tag());
        assertEquals("newfangled value continued newfangled value", r.header("NewFangledHeader"));
        assertEquals("", r.header("Subject"));
        assertEquals("0.33", NameAddress.parse(r.header("Contact"), "Contact").params().get("q"));
    }

    @Test
    void intmeth() throws IOException {
        SipRequest r = request("intmeth");
        assertEquals("!interesting-Method0123456789_*+`.%indeed'~", r.method());
        assertEquals("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", r.callId());
        assertEquals(139122385, r.cseq().number());
        assertEquals("_token~1'+`*%!-.", r.from().tag());
        assertEquals(0, r.body().length);
    }

    @Test
    void escapesAndNulls() throws IOException {
        SipRequest esc = request("esc01");
        assertEquals("sip:sips%3Auser%40example.com@example.net", esc.requestUri());
        assertEquals("esc01.239409asdfakjkn23onasd0-3234", esc.callId());
        assertEquals(150, esc.body().length);
        assertEquals("<sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31>", esc.header("Contact"));
        SipRequest nul = request("escnull");
        assertEquals(2, nul.headerValues("Contact").size());
        assertEquals(new CSeq(14398234, "REGISTER"), nul.cseq());
    }

    @Test
    void displayNamesAndUris() throws IOException {
        SipRequest lws = request("lwsdisp");
        assertEquals("caller", lws.from().displayName());
        assertEquals("323", lws.from().tag());
        SipRequest semi = request("semiuri");
        assertEquals("sip:user;par=u%40example.net@example.com", semi.requestUri());
        assertEquals(6, semi.headerValues("Accept").size());
        SipRequest transports = request("transports");
        assertEquals(5, transports.headerValues("Via").size());
        assertEquals("UNKNOWN", Via.parse(transports.headerValues("Via").get(3)).transport());
    }

    @Test
    void longValues() throws IOException {
        SipRequest r = request("longreq");
        assertEquals(new CSeq(3882340, "INVITE"), r.cseq());
        assertEquals(34, r.headerValues("Via").size());
        assertEquals("sip33.example.com", r.topVia().host());
        assertEquals(150, r.body().length);
    }

    @Test
    void extraOctetsAfterContentLengthAreIgnored() throws IOException {
        SipRequest r = request("dblreq");
        assertEquals("REGISTER", r.method());
        assertEquals("dblreq.0ha0isndaksdj99sdfafnl3lk233412", r.callId());
        assertEquals(0, r.body().length);
    }

    @Test
    void multipartBody() throws IOException {
        SipRequest r = request("mpart01");
        assertEquals("MESSAGE", r.method());
        assertEquals(553, r.body().length);
        assertEquals("Sat, 15 Oct 2005 04:44:56 GMT", r.header("Date"));
        assertEquals(-1, r.topVia().rport());
    }

    @Test
    void unusualAndEmptyReasonPhrases() throws IOException {
        SipResponse unreason = (SipResponse) SipParser.parse(load("unreason"));
        assertEquals(200, unreason.status());
        assertEquals(154, unreason.body().length);
        SipResponse noreason = (SipResponse) SipParser.parse(load("noreason"));
        assertEquals(100, noreason.status());
        assertEquals("", noreason.reason());
        SipResponse bcast = (SipResponse) SipParser.parse(load("bcast"));
        assertEquals("bcast.0384840201234ksdfak3j2erwedfsASdf", bcast.callId());
    }

    @Test
    void semanticallyOddButWellFormed() throws IOException {
        SipRequest bext = request("bext01");
        assertEquals(2, bext.headerValues("Require").size());
        SipRequest cparam = request("cparam01");
        assertEquals("sip:+19725552222@gw1.example.net",
                NameAddress.parse(cparam.header("Contact"), "Contact").uri());
        SipRequest cparam2 = request("cparam02");
        assertEquals("sip:+19725552222@gw1.example.net;unknownparam",
                NameAddress.parse(cparam2.header("m"), "Contact").uri());
    }

    @ParameterizedTest
    @ValueSource(strings = {"badinv01", "clerr", "ncl", "insuf", "mcl01", "mismatch01"})
    void invalidMessagesAreRefused(String name) throws IOException {
        byte[] data = load(name);
        SipParseException e = assertThrows(SipParseException.class, () -> SipParser.parse(data));
        assertNotNull(e.partialMessage(), name + ": headers were readable, so a 400 can be sent");
        assertEquals(400, e.statusCode());
    }

    @Test
    void invalidMessagesSayWhatIsWrong() throws IOException {
        assertEquals("Content-Length 9999 exceeds body length 154",
                assertThrows(SipParseException.class, () -> SipParser.parse(load("clerr"))).getMessage());
        assertEquals("Content-Length '-999' is not a non-negative integer",
                assertThrows(SipParseException.class, () -> SipParser.parse(load("ncl"))).getMessage());
        assertEquals("missing Call-ID header",
                assertThrows(SipParseException.class, () -> SipParser.parse(load("insuf"))).getMessage());
        assertEquals("CSeq method INVITE does not match request method OPTIONS",
                assertThrows(SipParseException.class, () -> SipParser.parse(load("mismatch01"))).getMessage());
    }
}
