package org.sipee.sip.transport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A message as it went on the wire, encoded and routed once. Retransmitting it (RFC 3261 §17)
 * costs neither again, and a transaction keeps only these bytes, not the parsed message.
 */
@FunctionalInterface
public interface SentMessage {

    /** For a message that could not be routed: resending it does nothing either; {@link #delivery()} has failed. */
    SentMessage NOT_SENT = new SentMessage() {
        @Override
        public void resend() {
        }

        @Override
        public CompletionStage<Void> delivery() {
            return CompletableFuture.failedFuture(new TransportException("message could not be routed"));
        }
    };

    void resend();

    /** True when it went over a reliable transport (TCP, TLS): no retransmission timers (§17.1.1.2, §17.1.2.2). */
    default boolean reliable() {
        return false;
    }

    /**
     * The outcome of the first transmission (§17.1.4, §17.2.4): completes normally once the bytes were handed
     * to the network, exceptionally with a {@link TransportException} when they could not be (no route,
     * TCP connect refused or timed out, connection lost before the write). Callbacks run on the stack's event
     * loop, or at once on the caller's thread when already complete. UDP cannot see loss: it completes at once.
     */
    default CompletionStage<Void> delivery() {
        return CompletableFuture.completedFuture(null);
    }
}
