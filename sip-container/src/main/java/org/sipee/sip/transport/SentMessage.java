package org.sipee.sip.transport;

/**
 * A message as it went on the wire, encoded and routed once. Retransmitting it (RFC 3261 §17)
 * costs neither again, and a transaction keeps only these bytes, not the parsed message.
 */
@FunctionalInterface
public interface SentMessage {

    /** For a message that could not be routed: resending it does nothing either. */
    SentMessage NOT_SENT = () -> { };

    void resend();

    /** True when it went over a reliable transport (TCP, TLS): no retransmission timers (§17.1.1.2, §17.1.2.2). */
    default boolean reliable() {
        return false;
    }
}
