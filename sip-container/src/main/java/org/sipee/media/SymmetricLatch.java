package org.sipee.media;

import java.net.InetSocketAddress;

/**
 * Symmetric RTP (RFC 4961) for NAT traversal: the send target starts as the address the SDP gave and
 * moves to the address the far end's packets really come from, once two consecutive accepted packets
 * came from there (one stray datagram does not redirect the call). Written on the event loop.
 */
final class SymmetricLatch {

    private final boolean enabled;
    private volatile InetSocketAddress target;
    private volatile boolean latched;
    private InetSocketAddress candidate;
    private int seen;

    SymmetricLatch(boolean enabled) {
        this.enabled = enabled;
    }

    /** The address from signalling; clears an earlier latch. */
    void configured(InetSocketAddress sdpAddress) {
        target = sdpAddress;
        latched = false;
        candidate = null;
    }

    /** An accepted packet came from {@code source}. */
    void observe(InetSocketAddress source) {
        if (!enabled || source.equals(target)) {
            candidate = null;
            return;
        }
        if (source.equals(candidate)) {
            if (++seen >= 2) {
                target = source;
                latched = true;
                candidate = null;
            }
        } else {
            candidate = source;
            seen = 1;
        }
    }

    InetSocketAddress target() {
        return target;
    }

    boolean latched() {
        return latched;
    }
}
