package org.sipee.sip.transport;

import java.io.IOException;

/** A message could not be sent (RFC 3261 §17.1.4 "transport error"); the message names where and why. */
public final class TransportException extends IOException {

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
