package org.sipee.media;

/** No RTP/RTCP port pair of the configured range is free. */
public class PortsExhaustedException extends IllegalStateException {

    public PortsExhaustedException(String message) {
        super(message);
    }
}
