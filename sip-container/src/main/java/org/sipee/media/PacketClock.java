package org.sipee.media;

import java.net.InetSocketAddress;

/**
 * A stream's 20 ms packet clock, ticked by its event loop's {@link LoopClock} (no thread of its own): each
 * tick plays out one received frame, then sends one packet. It runs only while there is something to send
 * or to play out, and stops itself otherwise. Loop-confined.
 */
final class PacketClock {

    private final LoopClock loopClock;
    private final SendPath send;
    private final ReceivePath receive;
    private final RtpSockets sockets;
    private final SymmetricLatch target;
    /** Where the loop clock keeps this clock; -1 while stopped. Maintained by the loop clock. */
    int slot = -1;

    PacketClock(LoopClock loopClock, SendPath send, ReceivePath receive, RtpSockets sockets, SymmetricLatch target) {
        this.loopClock = loopClock;
        this.send = send;
        this.receive = receive;
        this.sockets = sockets;
        this.target = target;
    }

    /** Starts ticking with the loop's next interval unless it already runs. */
    void start() {
        if (slot < 0) {
            loopClock.add(this);
        }
    }

    void stop() {
        if (slot >= 0) {
            loopClock.remove(this);
        }
    }

    void tick(long now) {
        receive.tick(now);
        InetSocketAddress to = target.target();
        if (to != null && sockets.rtpActive()) {
            RtpPacket p = send.tick(now);
            if (p != null) {
                sockets.sendRtp(p, to);
            }
        }
        if ((!send.active() || to == null) && receive.idle()) {
            stop();
        }
    }
}
