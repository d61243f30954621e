package org.sipee.sip.message;

/**
 * A SIP message that could not be parsed or violates RFC 3261 rules the parser enforces.
 * When the start line and headers were readable, {@link #partialMessage()} holds what was read,
 * so that the transport can still answer a request with {@link #statusCode()} and {@link #reasonPhrase()}.
 */
public final class SipParseException extends RuntimeException {

    private final int statusCode;
    private final String reasonPhrase;
    private final transient SipMessage partialMessage;

    /** A framing error: nothing usable was read. */
    public SipParseException(String message) {
        this(message, 400, "Bad Request", null);
    }

    public SipParseException(String message, int statusCode, String reasonPhrase, SipMessage partialMessage) {
        super(message);
        this.statusCode = statusCode;
        this.reasonPhrase = reasonPhrase;
        this.partialMessage = partialMessage;
    }

    /** The error response to send (400, or 505 for an unsupported SIP version). */
    public int statusCode() {
        return statusCode;
    }

    /** A short reason phrase naming the problem, e.g. "Missing Call-ID". */
    public String reasonPhrase() {
        return reasonPhrase;
    }

    /** The message as far as it was read (headers complete), or null after a framing error. */
    public SipMessage partialMessage() {
        return partialMessage;
    }
}
