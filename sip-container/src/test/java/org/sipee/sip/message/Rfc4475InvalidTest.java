package org.sipee.sip.message;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 4475 §3.1.2: invalid messages are refused with the status a UAS answers and a reason naming the problem.
 * Requests keep their headers in {@link SipParseException#partialMessage()} so the 400 can be sent.
 */
class Rfc4475InvalidTest {

    private static SipParseException refused(String tag, int status, String reason, String problem) {
        SipParseException e = Corpus.refused("rfc4475/" + tag);
        assertEquals(status, e.statusCode(), tag);
        assertEquals(reason, e.reasonPhrase(), tag);
        assertTrue(e.getMessage().contains(problem), tag + ": " + e.getMessage());
        return e;
    }

    private static SipRequest partialRequest(SipParseException e) {
        SipRequest request = assertInstanceOf(SipRequest.class, e.partialMessage());
        assertTrue(request.callId() != null && request.header("Via") != null, "enough to answer");
        return request;
    }

    @Test // §3.1.2.1: empty Via and Contact parameters
    void badinv01() {
        SipParseException e = refused("badinv01", 400, "Malformed Via", "empty parameter");
        assertEquals("badinv01.0ha0isndaksdjasdf3234nas", partialRequest(e).callId());
    }

    @Test // §3.1.2.2: Content-Length beyond the datagram: 400
    void clerr() {
        SipParseException e = refused("clerr", 400, "Content-Length Exceeds Body", "Content-Length 9999 exceeds body length 154");
        partialRequest(e);
    }

    @Test // §3.1.2.3: negative Content-Length
    void ncl() {
        refused("ncl", 400, "Bad Content-Length", "Content-Length '-999' is not a non-negative integer");
    }

    @Test // §3.1.2.4: 400 for the CSeq number beyond 2^31 (Max-Forwards 300, huge Expires also there)
    void scalar02() {
        SipParseException e = refused("scalar02", 400, "Malformed CSeq", "sequence number is not below 2^31");
        assertEquals("scalar02.23o0pd9vanlq3wnrlnewofjas9ui32", partialRequest(e).callId());
    }

    @Test // §3.1.2.5: response with overlarge CSeq: refused (a response is dropped, never answered)
    void scalarlg() {
        SipParseException e = refused("scalarlg", 400, "Malformed CSeq", "sequence number is not below 2^31");
        assertInstanceOf(SipResponse.class, e.partialMessage());
    }

    @Test // §3.1.2.6: unterminated quoted display name
    void quotbal() {
        partialRequest(refused("quotbal", 400, "Malformed To", "unterminated quoted string"));
    }

    @Test // §3.1.2.7: <> around the Request-URI
    void ltgtruri() {
        SipRequest r = partialRequest(refused("ltgtruri", 400, "Bad Request-URI", "does not start with a URI scheme"));
        assertEquals("ltgtruri.1@192.0.2.5", r.callId());
    }

    @Test // §3.1.2.8: LWS inside the Request-URI
    void lwsruri() {
        SipRequest r = partialRequest(refused("lwsruri", 400, "Malformed Request-Line", "spaces other than one SP"));
        assertEquals("INVITE", r.method());
    }

    @Test // §3.1.2.9: several SP between request-line elements (refusing is acceptable)
    void lwsstart() {
        SipRequest r = partialRequest(refused("lwsstart", 400, "Malformed Request-Line", "spaces other than one SP"));
        assertEquals("sip:user@example.com", r.requestUri());
    }

    @Test // §3.1.2.10: SP at the end of the request line (refusing is acceptable)
    void trws() {
        SipRequest r = partialRequest(refused("trws", 400, "Malformed Request-Line", "spaces other than one SP"));
        assertEquals("OPTIONS", r.method());
    }

    @Test // §3.1.2.11: headers in the Request-URI (§19.1.1; refusing is acceptable)
    void escruri() {
        partialRequest(refused("escruri", 400, "Bad Request-URI", "carries headers"));
    }

    @Test // §3.1.2.12: non-GMT Date; refusing is only for elements that use Date, which we do not: accepted
    void baddate() {
        SipRequest r = Corpus.request4475("baddate");
        assertEquals("Fri, 01 Jan 2010 16:00:00 EST", r.header("Date"));
        assertEquals(150, r.body().length);
    }

    @Test // §3.1.2.13: a Contact URI with '?' must be in <> (§20)
    void regbadct() {
        partialRequest(refused("regbadct", 400, "Malformed Contact", "must be enclosed in <>"));
    }

    @Test // §3.1.2.14: spaces inside <addr-spec>
    void badaspec() {
        partialRequest(refused("badaspec", 400, "Malformed To", "whitespace or control character inside the URI"));
    }

    @Test // §3.1.2.15: unquoted display name with non-token characters
    void baddn() {
        partialRequest(refused("baddn", 400, "Malformed From", "display name 'Bell, Alexander' has characters that need quoting"));
    }

    @Test // §3.1.2.16: SIP/7.0: 505
    void badvers() {
        SipRequest r = partialRequest(refused("badvers", 505, "Version Not Supported", "unsupported SIP version SIP/7.0"));
        assertEquals("SIP/7.0", r.version());
    }

    @Test // §3.1.2.17: CSeq method differs from the request method: 400
    void mismatch01() {
        partialRequest(refused("mismatch01", 400, "CSeq Method Mismatch",
                "CSeq method INVITE does not match request method OPTIONS"));
    }

    @Test // §3.1.2.18: unknown method with a mismatching CSeq: 501 preferred over 400
    void mismatch02() {
        SipRequest r = partialRequest(refused("mismatch02", 501, "Not Implemented",
                "CSeq method INVITE does not match request method NEWMETHOD"));
        assertEquals("NEWMETHOD", r.method());
    }

    @Test // §3.1.2.19: status code beyond 699: dropped, nothing to answer
    void bigcode() {
        SipParseException e = refused("bigcode", 400, "Bad Request", "status code '4294967301' is not three digits 100..699");
        assertNull(e.partialMessage());
    }
}
