package org.sipee.sip.auth;

/** A challenge or credentials header value that is not a well-formed Digest value; the message says what is wrong. */
public final class DigestParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public DigestParseException(String message) {
        super(message);
    }
}
