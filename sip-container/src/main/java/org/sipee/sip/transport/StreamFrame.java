package org.sipee.sip.transport;

/**
 * What {@link SipStreamDecoder} cuts from a byte stream. {@code bytes} is the whole message for
 * {@link Kind#MESSAGE}, the header block (if complete) for the failures, empty for a keep-alive.
 */
record StreamFrame(Kind kind, byte[] bytes) {

    enum Kind {
        /** One message: headers, empty line and Content-Length bytes of body. */
        MESSAGE,
        /** RFC 5626 §3.5.1 ping: CRLFCRLF between messages. */
        KEEP_ALIVE,
        /** §18.3: no (or no valid) Content-Length on a stream; the framing is lost. */
        MISSING_CONTENT_LENGTH,
        /** Headers or whole message larger than the limits; the framing is lost. */
        TOO_LARGE,
        /** Not text: control characters in the start line. */
        GARBAGE
    }

    private static final byte[] NONE = new byte[0];

    static StreamFrame of(Kind kind) {
        return new StreamFrame(kind, NONE);
    }
}
