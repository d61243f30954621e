package org.sipee.sip.message;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Checks a parsed message for what RFC 3261 requires of every message (§8.1.1, §8.2, §18.3, §20.14):
 * SIP/2.0, the mandatory headers once each and in parseable form, the CSeq method, and the Content-Length
 * framing. Failures carry the message read so far, so a request can still be answered.
 */
final class MessageValidator {

    /** Headers that must appear exactly once (§8.1.1, §20; RFC 4475 §3.3.1, §3.3.8). */
    private static final String[] REQUIRED = {"via", "call-id", "cseq", "from", "to"};
    private static final String[] DISPLAY = {"Via", "Call-ID", "CSeq", "From", "To", "Max-Forwards", "Content-Type"};
    /** Methods defined by RFCs (3261, 3262, 3265, 3311, 3428, 3515, 3903, 6086): a CSeq mismatch with another is 501. */
    private static final Set<String> STANDARD_METHODS = Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER",
            "PRACK", "SUBSCRIBE", "NOTIFY", "UPDATE", "MESSAGE", "REFER", "PUBLISH", "INFO");

    private MessageValidator() {
    }

    static void validate(SipMessage message, byte[] rest) {
        checkCounts(message);
        parseView(message, "Via", () -> message.topVia());
        parseView(message, "CSeq", () -> message.cseq());
        parseView(message, "From", () -> message.from());
        parseView(message, "To", () -> message.to());
        for (String contact : message.headerValues(HeaderNames.CONTACT)) {
            if (!contact.equals("*")) { // §10.2.2 wildcard
                parseView(message, "Contact", () -> NameAddress.parse(contact, HeaderNames.CONTACT));
            }
        }
        if (message instanceof SipRequest request) {
            validateRequest(request);
        }
        message.setParsedBody(body(message, rest));
    }

    /** One pass: the mandatory headers present, single-valued ones not repeated. */
    private static void checkCounts(SipMessage message) {
        int[] counts = new int[DISPLAY.length];
        for (SipHeader h : message.headers()) {
            int index = switch (h.key()) {
                case "via" -> 0;
                case "call-id" -> 1;
                case "cseq" -> 2;
                case "from" -> 3;
                case "to" -> 4;
                case "max-forwards" -> 5;
                case "content-type" -> 6;
                default -> -1;
            };
            if (index >= 0) {
                counts[index]++;
            }
        }
        for (int i = 0; i < REQUIRED.length; i++) {
            if (counts[i] == 0) {
                throw new SipParseException("missing " + DISPLAY[i] + " header", 400, "Missing " + DISPLAY[i], message);
            }
        }
        for (int i = 1; i < DISPLAY.length; i++) {
            if (counts[i] > 1) {
                throw new SipParseException(counts[i] + " " + DISPLAY[i] + " headers where one is allowed", 400,
                        "Multiple " + DISPLAY[i], message);
            }
        }
    }

    private static void validateRequest(SipRequest request) {
        if (!request.version().equalsIgnoreCase(SipRequest.SIP_VERSION)) { // §8.2.5 would answer 505
            throw new SipParseException("unsupported SIP version " + request.version(), 505, "Version Not Supported", request);
        }
        String cseqMethod = request.cseq().method();
        if (!cseqMethod.equals(request.method())) {
            String problem = "CSeq method " + cseqMethod + " does not match request method " + request.method();
            if (!STANDARD_METHODS.contains(request.method())) { // RFC 4475 §3.1.2.18: 501 is preferred
                throw new SipParseException(problem, 501, "Not Implemented", request);
            }
            throw new SipParseException(problem, 400, "CSeq Method Mismatch", request); // §3.1.2.17
        }
        String maxForwards = request.header(HeaderNames.MAX_FORWARDS);
        if (maxForwards != null && (!ValueCursor.isDigits(maxForwards) || ValueCursor.value(maxForwards, 256) > 255)) {
            // §20.22: 0..255; RFC 4475 §3.1.2.4 allows refusing an overlarge value
            throw new SipParseException("Max-Forwards '" + SipParser.abbreviate(maxForwards) + "' is not a number 0..255",
                    400, "Bad Max-Forwards", request);
        }
    }

    /** §18.3: Content-Length bounds the body; without it, the datagram's rest is the body. */
    private static byte[] body(SipMessage message, byte[] rest) {
        List<String> lengths = message.headerValues(HeaderNames.CONTENT_LENGTH);
        if (lengths.isEmpty()) {
            return rest;
        }
        if (lengths.size() > 1) { // RFC 4475 §3.3.9
            throw new SipParseException("multiple Content-Length headers " + lengths, 400, "Multiple Content-Length", message);
        }
        String value = lengths.get(0);
        if (!ValueCursor.isDigits(value)) { // §20.14: 1*DIGIT, so no sign, exponent or fraction (RFC 4475 §3.1.2.3)
            throw new SipParseException("Content-Length '" + SipParser.abbreviate(value) + "' is not a non-negative integer",
                    400, "Bad Content-Length", message);
        }
        // RFC 4475 §3.1.2.2: over a datagram, a Content-Length beyond the datagram is an error
        int length = (int) ValueCursor.value(value, Integer.MAX_VALUE);
        if (length > rest.length) {
            throw new SipParseException("Content-Length " + SipParser.abbreviate(value) + " exceeds body length "
                    + rest.length, 400, "Content-Length Exceeds Body", message);
        }
        return length == rest.length ? rest : Arrays.copyOf(rest, length);
    }

    private static void parseView(SipMessage message, String header, Runnable view) {
        try {
            view.run();
        } catch (SipParseException e) {
            throw new SipParseException(e.getMessage(), 400, "Malformed " + header, message);
        }
    }
}
