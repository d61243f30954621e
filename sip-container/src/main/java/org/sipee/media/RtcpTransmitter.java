package org.sipee.media;

import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Sends a stream's RTCP reports on its event loop at the §6.3.1 randomized interval, to the far end's
 * RTCP address: the RTP port + 1 (RFC 3550 §11), the source its RTCP really comes from (symmetric RTCP),
 * or, when RTP latched elsewhere and RTCP did not yet, the latched RTP address + 1. Loop-confined.
 */
final class RtcpTransmitter {

    private final EventLoop loop;
    private final RtcpSession session;
    private final RtpSockets sockets;
    private final SymmetricLatch rtpTarget;
    private final SymmetricLatch rtcpTarget;
    private ScheduledFuture<?> timer;

    RtcpTransmitter(EventLoop loop, RtcpSession session, RtpSockets sockets, SymmetricLatch rtpTarget, boolean symmetric) {
        this.loop = loop;
        this.session = session;
        this.sockets = sockets;
        this.rtpTarget = rtpTarget;
        this.rtcpTarget = new SymmetricLatch(symmetric);
    }

    /** The far end's RTP address from signalling; starts the reports on the first call. */
    void connected(InetSocketAddress remoteRtp) {
        rtcpTarget.configured(remoteRtp == null ? null : new InetSocketAddress(remoteRtp.getAddress(), remoteRtp.getPort() + 1));
        if (timer == null) {
            schedule(true);
        }
    }

    private void schedule(boolean first) {
        timer = loop.schedule(() -> {
            send(false);
            schedule(false);
        }, session.nextInterval(first), TimeUnit.NANOSECONDS);
    }

    /** A datagram on the RTCP port. */
    void received(DatagramPacket dp) {
        if (session.onPacket(dp.content(), System.nanoTime(), System.currentTimeMillis())) {
            rtcpTarget.observe(dp.sender());
        }
    }

    /** Sends a report now; with {@code bye}, a final one with BYE (§6.6), only if RTP or RTCP went out before. */
    void send(boolean bye) {
        InetSocketAddress rtp = rtpTarget.target();
        InetSocketAddress to = rtcpTarget.latched() || !rtpTarget.latched() ? rtcpTarget.target()
                : new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1);
        if (to == null || bye && session.reportsSent() == 0) {
            return;
        }
        sockets.sendRtcp(session.report(System.nanoTime(), System.currentTimeMillis(), bye), to);
    }

    void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
