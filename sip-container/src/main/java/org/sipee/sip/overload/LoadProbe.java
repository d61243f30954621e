package org.sipee.sip.overload;

/** What the shedding decision looks at, read for each new request outside a dialog; every call must be cheap. */
public interface LoadProbe {

    /** Work queued and not yet started: the adapter's deliveries, the event loop's tasks. */
    int backlog();

    /** How late the SIP event loop runs what is due ({@link LoopLag}), milliseconds. */
    long loopLagMillis();

    /** Calls not yet ended. */
    int calls();

    /** RTP/RTCP port pairs still free; {@link Integer#MAX_VALUE} where no media engine is attached. */
    int freeMediaPairs();
}
