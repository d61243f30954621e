package org.sipee.sip.transport;

/**
 * A message as it went on the wire, encoded and routed once. Retransmitting it (RFC 3261 §17.2)
 * costs neither again, and a transaction keeps only these bytes, not the parsed message.
 */
@FunctionalInterface
public interface SentMessage {

    /** For a message that could not be routed: resending it does nothing either. */
    SentMessage NOT_SENT = () -> { };

    void resend();
}
