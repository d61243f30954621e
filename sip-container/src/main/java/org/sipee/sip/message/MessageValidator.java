package org.sipee.sip.message;

import java.util.Arrays;
import java.util.List;

/**
 * Checks a parsed message for what RFC 3261 requires of every message (§8.1.1, §8.2, §18.3, §20.14):
 * SIP/2.0, the mandatory headers in parseable form, the CSeq method, and the Content-Length framing.
 * Failures carry the message read so far, so a request can still be answered.
 */
final class MessageValidator {

    private MessageValidator() {
    }

    static void validate(SipMessage message, byte[] rest) {
        requireHeader(message, HeaderNames.VIA, "Via");
        requireHeader(message, HeaderNames.CALL_ID, "Call-ID");
        requireHeader(message, HeaderNames.CSEQ, "CSeq");
        requireHeader(message, HeaderNames.FROM, "From");
        requireHeader(message, HeaderNames.TO, "To");
        parseView(message, "Via", () -> message.topVia());
        parseView(message, "CSeq", () -> message.cseq());
        parseView(message, "From", () -> message.from());
        parseView(message, "To", () -> message.to());
        if (message instanceof SipRequest request) {
            validateRequest(request);
        }
        message.setParsedBody(body(message, rest));
    }

    private static void validateRequest(SipRequest request) {
        if (!request.version().equalsIgnoreCase(SipRequest.SIP_VERSION)) { // §8.2.5 would answer 505
            throw new SipParseException("unsupported SIP version " + request.version(), 505, "Version Not Supported", request);
        }
        String cseqMethod = request.cseq().method();
        if (!cseqMethod.equals(request.method())) {
            throw new SipParseException("CSeq method " + cseqMethod + " does not match request method " + request.method(),
                    400, "CSeq Method Mismatch", request);
        }
        String maxForwards = request.header(HeaderNames.MAX_FORWARDS);
        if (maxForwards != null && (maxForwards.isEmpty() || maxForwards.length() > 9
                || !maxForwards.chars().allMatch(Character::isDigit))) {
            throw new SipParseException("Max-Forwards '" + maxForwards + "' is not a number", 400, "Bad Max-Forwards", request);
        }
    }

    /** §18.3: Content-Length bounds the body; without it, the datagram's rest is the body. */
    private static byte[] body(SipMessage message, byte[] rest) {
        List<String> lengths = message.headerValues(HeaderNames.CONTENT_LENGTH);
        if (lengths.isEmpty()) {
            return rest;
        }
        if (lengths.size() > 1) {
            throw new SipParseException("multiple Content-Length headers " + lengths, 400, "Multiple Content-Length", message);
        }
        String value = lengths.get(0);
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
            throw new SipParseException("Content-Length '" + value + "' is not a non-negative integer", 400,
                    "Bad Content-Length", message);
        }
        int length = Integer.parseInt(value);
        if (length > rest.length) {
            throw new SipParseException("Content-Length " + length + " exceeds body length " + rest.length, 400,
                    "Content-Length Exceeds Body", message);
        }
        return length == rest.length ? rest : Arrays.copyOf(rest, length);
    }

    private static void requireHeader(SipMessage message, String name, String display) {
        if (message.header(name) == null) {
            throw new SipParseException("missing " + display + " header", 400, "Missing " + display, message);
        }
    }

    private static void parseView(SipMessage message, String header, Runnable view) {
        try {
            view.run();
        } catch (SipParseException e) {
            throw new SipParseException(e.getMessage(), 400, "Malformed " + header, message);
        }
    }
}
