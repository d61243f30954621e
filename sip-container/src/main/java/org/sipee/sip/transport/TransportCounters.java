package org.sipee.sip.transport;

import java.util.concurrent.atomic.LongAdder;

/** What the transport has seen; read from any thread. */
public final class TransportCounters {

    private final LongAdder received = new LongAdder();
    private final LongAdder malformed = new LongAdder();

    void countReceived() {
        received.increment();
    }

    void countMalformed() {
        malformed.increment();
    }

    /** SIP messages parsed successfully. */
    public long messagesReceived() {
        return received.sum();
    }

    /** Datagrams that could not be parsed (answered 400 or dropped). */
    public long malformedMessages() {
        return malformed.sum();
    }
}
