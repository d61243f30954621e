package org.sipee.media;

import java.util.BitSet;

/**
 * Hands out RTP ports from a range: even ports only, each reserving the next odd port for RTCP
 * (RFC 3550 §11). Round-robin, so a port just freed is reused last. Thread-safe.
 */
public final class PortAllocator {

    private final int firstPort;
    private final int pairs;
    private final BitSet used;
    private int next;
    private int inUse;

    /** Uses every even port p with min <= p and p + 1 <= max. */
    public PortAllocator(int min, int max) {
        this.firstPort = min % 2 == 0 ? min : min + 1;
        this.pairs = max >= firstPort + 1 ? (max - firstPort + 1) / 2 : 0;
        if (pairs == 0) {
            throw new IllegalArgumentException("port range " + min + ".." + max + " holds no even/odd RTP/RTCP pair");
        }
        this.used = new BitSet(pairs);
    }

    /** Number of RTP/RTCP pairs in the range. */
    public int capacity() {
        return pairs;
    }

    /** Reserves the next free pair and returns its even (RTP) port, or -1 when every pair is taken. */
    public synchronized int allocate() {
        if (inUse == pairs) {
            return -1;
        }
        int index = used.nextClearBit(next);
        if (index >= pairs) {
            index = used.nextClearBit(0);
        }
        used.set(index);
        inUse++;
        next = (index + 1) % pairs;
        return firstPort + 2 * index;
    }

    /** Frees the pair of this RTP port; freeing a port that is not allocated does nothing. */
    public synchronized void release(int rtpPort) {
        int offset = rtpPort - firstPort;
        if (offset < 0 || offset % 2 != 0 || offset / 2 >= pairs) {
            throw new IllegalArgumentException("port " + rtpPort + " is not an RTP port of this range");
        }
        if (used.get(offset / 2)) {
            used.clear(offset / 2);
            inUse--;
        }
    }

    /** Ports in use: two per allocated pair. */
    public synchronized int portsInUse() {
        return 2 * inUse;
    }

    /** Pairs in use. */
    public synchronized int pairsInUse() {
        return inUse;
    }

    @Override
    public String toString() {
        return "ports " + firstPort + ".." + (firstPort + 2 * pairs - 1);
    }
}
