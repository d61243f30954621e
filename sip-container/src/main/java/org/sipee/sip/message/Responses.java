package org.sipee.sip.message;

import java.util.List;

/** Builds responses to a request as a UAS must (RFC 3261 §8.2.6). */
public final class Responses {

    private Responses() {
    }

    /**
     * A response copying Via, From, To, Call-ID and CSeq from the request (§8.2.6.2); when toTag is not null
     * and the request's To has no tag, the tag is added. Content-Length is 0 until a body is set.
     */
    public static SipResponse create(SipRequest request, int status, String reason, String toTag) {
        SipResponse response = new SipResponse(status, sanitize(reason));
        for (SipHeader via : request.headerLines(HeaderNames.VIA)) {
            response.addHeader(HeaderNames.VIA, via.value());
        }
        copy(request, response, HeaderNames.FROM);
        String to = request.header(HeaderNames.TO);
        boolean tagged = to != null && toTag != null && !hasTag(request);
        if (to != null) {
            response.addHeader(HeaderNames.TO, tagged ? NameAddress.withTag(to, toTag) : to);
        }
        copy(request, response, HeaderNames.CALL_ID);
        copy(request, response, HeaderNames.CSEQ);
        response.addHeader(HeaderNames.CONTENT_LENGTH, "0");
        response.shareViews(request, !tagged);
        return response;
    }

    /** Copies Record-Route into a response that creates a dialog (§12.1.1). */
    public static void copyRecordRoute(SipRequest request, SipResponse response) {
        List<SipHeader> lines = request.headerLines(HeaderNames.RECORD_ROUTE);
        for (SipHeader line : lines) {
            response.addHeader(HeaderNames.RECORD_ROUTE, line.value());
        }
    }

    private static void copy(SipRequest request, SipResponse response, String name) {
        String value = request.header(name);
        if (value != null) {
            response.addHeader(name, value);
        }
    }

    /** Whether the To header carries a tag; an unparseable To (answered 400) is left as it is. */
    private static boolean hasTag(SipRequest request) {
        try {
            return request.to().tag() != null;
        } catch (SipParseException e) {
            return true;
        }
    }

    /** A reason phrase is TEXT-UTF8 without CR/LF (§25.1). */
    private static String sanitize(String reason) {
        if (reason == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(reason.length());
        reason.codePoints().filter(cp -> cp >= 0x20 && cp != 0x7f).limit(120).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
