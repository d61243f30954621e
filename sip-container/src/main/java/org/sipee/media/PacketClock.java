package org.sipee.media;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * A stream's 20 ms packet clock on its event loop (the loop's scheduler, no sleeping thread): each tick
 * plays out one received frame, then sends one packet. It runs only while there is something to send
 * or to play out, and stops itself otherwise. Loop-confined.
 */
final class PacketClock {

    private static final System.Logger LOG = System.getLogger(PacketClock.class.getName());
    static final long INTERVAL_NANOS = 20_000_000L;

    private final EventLoop loop;
    private final SendPath send;
    private final ReceivePath receive;
    private final RtpSockets sockets;
    private final SymmetricLatch target;
    private ScheduledFuture<?> task;

    PacketClock(EventLoop loop, SendPath send, ReceivePath receive, RtpSockets sockets, SymmetricLatch target) {
        this.loop = loop;
        this.send = send;
        this.receive = receive;
        this.sockets = sockets;
        this.target = target;
    }

    /** Starts ticking now unless it already runs. */
    void start() {
        if (task == null) {
            task = loop.scheduleAtFixedRate(this::tick, 0, INTERVAL_NANOS, TimeUnit.NANOSECONDS);
        }
    }

    void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    private void tick() {
        try {
            long now = System.nanoTime();
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
        } catch (RuntimeException e) { // an exception would silently end a fixed-rate task
            LOG.log(System.Logger.Level.WARNING, "packet clock tick failed", e);
        }
    }
}
