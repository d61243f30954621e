package org.sipee.media;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;

import java.net.InetSocketAddress;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A stream's two sockets on its event loop: RTP on the even port, RTCP on the next odd one (RFC 3550
 * §11). Releases the port pair exactly once, when both sockets are really closed or the loop ends.
 */
final class RtpSockets {

    private final EventLoop loop;
    private final NioDatagramChannel rtp;
    private final NioDatagramChannel rtcp;
    private final PortRelease release;

    /** Takes over two bound, open sockets and registers them with {@code loop}. */
    RtpSockets(EventLoop loop, int port, java.nio.channels.DatagramChannel rtpSocket, java.nio.channels.DatagramChannel rtcpSocket,
               IntConsumer onClosed, String name, Consumer<DatagramPacket> onRtp, Consumer<DatagramPacket> onRtcp) {
        this.loop = loop;
        this.rtp = new NioDatagramChannel(rtpSocket);
        this.rtcp = new NioDatagramChannel(rtcpSocket);
        rtp.pipeline().addLast(new DatagramHandler(name + " RTP", onRtp));
        rtcp.pipeline().addLast(new DatagramHandler(name + " RTCP", onRtcp));
        this.release = new PortRelease(loop, () -> onClosed.accept(port));
        AtomicInteger open = new AtomicInteger(2);
        for (NioDatagramChannel ch : new NioDatagramChannel[] {rtp, rtcp}) {
            ch.closeFuture().addListener(f -> {
                if (open.decrementAndGet() == 0) {
                    releaseAfterNextSelect(release);
                }
            });
            loop.register(ch); // on failure Netty closes the socket, and the close listener frees the ports
        }
        // when the loop ends, its selector is closed and with it every socket it held
        loop.terminationFuture().addListener(release);
    }

    /**
     * The JDK only really closes a socket registered with a selector when that selector next runs
     * (AbstractSelectableChannel: deregistration is deferred), so the port stays bound until the
     * loop's next select. Netty takes a scheduled task only at the start of a task batch, i.e. after
     * that select: scheduling the release makes a freed port bindable at once. No delay is needed (a
     * due task just makes that select a selectNow); a delay would make every close() caller wait for it.
     */
    private void releaseAfterNextSelect(Runnable release) {
        try {
            loop.schedule(release, 0, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // the termination listener releases the ports once the selector is closed
        }
    }

    /**
     * Once the loop has terminated (its selector closed every socket), releases the ports now rather than
     * when the termination listeners run on Netty's global executor, a moment after awaiting returns.
     */
    void releaseIfLoopTerminated() {
        if (loop.isTerminated()) {
            release.run();
        }
    }

    boolean rtpActive() {
        return rtp.isActive();
    }

    /** Sends an RTP packet; on the event loop. */
    void sendRtp(RtpPacket p, InetSocketAddress to) {
        ByteBuf buf = rtp.alloc().ioBuffer(p.encodedSize());
        p.encode(buf);
        rtp.writeAndFlush(new DatagramPacket(buf, to), rtp.voidPromise());
    }

    /** Sends an RTCP compound packet; on the event loop. */
    void sendRtcp(byte[] compound, InetSocketAddress to) {
        if (rtcp.isActive()) {
            rtcp.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(compound), to), rtcp.voidPromise());
        }
    }

    /** Closes both sockets; the port pair is released a loop turn later. */
    void close() {
        rtp.close();
        rtcp.close();
    }
}
