package org.sipee.media;

import java.net.InetSocketAddress;

/**
 * One bound RTP socket (its even port, the odd one reserved for RTCP) for one call's audio.
 * Thread-safe and non-blocking. close() stops sending and unbinds; the ports return to the engine's
 * range once the sockets are closed, a moment later (MediaEngine.portsInUse counts them until then).
 */
public interface RtpStream extends AutoCloseable {

    /** The local RTP port, to put in SDP. */
    int localPort();

    /** Sets where to send and which payload type to use (0 = PCMU, 8 = PCMA). */
    void connect(InetSocketAddress remote, int payloadType);

    /**
     * Like {@link #connect(InetSocketAddress, int)} for a payload type number the offerer chose, e.g. PCMU as 96
     * (NegotiatedMedia's payloadType and encodingName). The default accepts only the static numbers 0 and 8.
     */
    default void connect(InetSocketAddress remote, int payloadType, String encodingName) {
        if (!(payloadType == 0 && "PCMU".equalsIgnoreCase(encodingName) || payloadType == 8 && "PCMA".equalsIgnoreCase(encodingName))) {
            throw new UnsupportedOperationException(encodingName + " as payload type " + payloadType);
        }
        connect(remote, payloadType);
    }

    /** Starts sending a continuous sine tone as G.711 in 20 ms packets; replaces what was playing. */
    void playTone(double frequencyHz);

    /** Stops sending. Received packets are still counted. */
    void stopPlaying();

    RtpStreamStats stats();

    @Override
    void close();
}
