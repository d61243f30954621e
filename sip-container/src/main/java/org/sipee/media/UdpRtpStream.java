package org.sipee.media;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * An RTP stream on one Netty event loop: an RTP socket on an even port and an RTCP socket on the next
 * odd port (RFC 3550 §11; RTCP is received and discarded for now). Sending state is confined to the
 * event loop; the public methods hand work to it and return at once.
 */
final class UdpRtpStream implements RtpStream {

    private static final System.Logger LOG = System.getLogger(UdpRtpStream.class.getName());
    private static final Random RANDOM = new SecureRandom();
    static final double TONE_LEVEL_DBFS = -10;
    private static final int FRAME = ToneGenerator.FRAME_SAMPLES;
    private static final long PACKET_INTERVAL_MS = 20;

    private final int port;
    private final EventLoop loop;
    private final NioDatagramChannel rtp;
    private final NioDatagramChannel rtcp;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final Runnable onClosing;

    // Confined to the event loop. RFC 3550 §5.1: SSRC, sequence and timestamp start random.
    private final int ssrc = RANDOM.nextInt();
    private int sequence = RANDOM.nextInt(0x10000);
    private long timestamp = RANDOM.nextInt() & 0xFFFFFFFFL;
    private boolean talkspurtStart = true;
    private long lastSentNanos = -1;
    private InetSocketAddress remote;
    private int payloadType;
    private G711Codec codec = G711Codec.PCMU;
    private ToneGenerator tone;
    private ScheduledFuture<?> sender;

    /**
     * Takes over two bound, open sockets and registers them with {@code loop}.
     *
     * @param onClosing called once when close() starts (the stream no longer counts as open)
     * @param onClosed  called with the RTP port once both sockets are closed (the ports may be reused)
     */
    UdpRtpStream(EventLoop loop, int port, java.nio.channels.DatagramChannel rtpSocket,
                 java.nio.channels.DatagramChannel rtcpSocket, Runnable onClosing, IntConsumer onClosed) {
        this.loop = loop;
        this.port = port;
        this.onClosing = onClosing;
        this.rtp = new NioDatagramChannel(rtpSocket);
        this.rtcp = new NioDatagramChannel(rtcpSocket);
        rtp.pipeline().addLast(new RtpReceiver());
        rtcp.pipeline().addLast(new Discarder());
        PortRelease release = new PortRelease(loop, () -> onClosed.accept(port));
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

    @Override
    public int localPort() {
        return port;
    }

    @Override
    public void connect(InetSocketAddress remote, int payloadType) {
        if (payloadType != 0 && payloadType != 8) {
            throw new IllegalArgumentException("payload type " + payloadType + " is neither PCMU (0) nor PCMA (8); "
                    + "for a number the offerer chose use connect(remote, payloadType, encodingName)");
        }
        connect(remote, payloadType, G711Codec.forPayloadType(payloadType).name());
    }

    @Override
    public void connect(InetSocketAddress remote, int payloadType, String encodingName) {
        requireOpen();
        if (remote != null && remote.isUnresolved()) {
            throw new IllegalArgumentException("remote RTP address must be resolved: " + remote);
        }
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127, was " + payloadType);
        }
        G711Codec c;
        try {
            c = G711Codec.valueOf(encodingName.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unsupported encoding '" + encodingName + "', only PCMU and PCMA");
        }
        loop.execute(() -> {
            this.remote = remote;
            this.payloadType = payloadType;
            this.codec = c;
        });
    }

    @Override
    public void playTone(double frequencyHz) {
        requireOpen();
        ToneGenerator generator = new ToneGenerator(frequencyHz, TONE_LEVEL_DBFS); // validates in the caller's thread
        loop.execute(() -> {
            if (closed.get()) {
                return;
            }
            cancelSender();
            tone = generator;
            talkspurtStart = true; // RFC 3551 §4.1: marker on the first packet of a talkspurt
            sender = loop.scheduleAtFixedRate(this::sendFrame, 0, PACKET_INTERVAL_MS, TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void stopPlaying() {
        if (!closed.get()) {
            loop.execute(this::cancelSender);
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    @Override
    public RtpStreamStats stats() {
        return new RtpStreamStats(packetsSent.get(), packetsReceived.get(), bytesReceived.get());
    }

    /**
     * Stops sending and closes both sockets; returns at once. The ports go back to the allocator when
     * the sockets are really closed, one turn of the event loop later (until then portsInUse counts them).
     * Never blocking here keeps a call's teardown from waiting on the media loops under load.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        onClosing.run();
        try {
            loop.execute(this::cancelSender);
        } catch (RejectedExecutionException loopGone) {
            return; // the loop has ended: its sockets are closed and the ports released
        }
        rtp.close();
        rtcp.close();
    }

    boolean isClosed() {
        return closed.get();
    }

    private void cancelSender() {
        if (sender != null) {
            sender.cancel(false);
            sender = null;
        }
        tone = null;
    }

    /** Runs on the event loop every 20 ms while a tone plays: one 160-sample G.711 frame. */
    private void sendFrame() {
        InetSocketAddress to = remote;
        if (to == null || tone == null || !rtp.isActive()) {
            return;
        }
        long now = System.nanoTime();
        if (talkspurtStart && lastSentNanos >= 0) {
            // RFC 3550 §5.1: the timestamp follows the sampling clock through silence too
            long elapsedSamples = (now - lastSentNanos) * ToneGenerator.SAMPLE_RATE / 1_000_000_000L;
            timestamp = (timestamp + Math.max(0, elapsedSamples - FRAME)) & 0xFFFFFFFFL;
        }
        RtpPacket packet = new RtpPacket(talkspurtStart, payloadType, sequence, timestamp, ssrc,
                codec.encode(tone.nextFrame()));
        ByteBuf buf = rtp.alloc().ioBuffer(packet.encodedSize());
        packet.encode(buf);
        talkspurtStart = false;
        sequence = (sequence + 1) & 0xFFFF;
        timestamp = (timestamp + FRAME) & 0xFFFFFFFFL;
        lastSentNanos = now;
        packetsSent.incrementAndGet(); // before the write: on loopback the peer may read the packet before write() returns
        rtp.writeAndFlush(new DatagramPacket(buf, to), rtp.voidPromise());
    }

    @Override
    public String toString() {
        return "RtpStream[port " + port + ", ssrc " + Integer.toUnsignedString(ssrc, 16) + "]";
    }

    /** Counts well-formed RTP packets (V=2, RFC 3550 §5.1) and their payload octets; drops everything. */
    private final class RtpReceiver extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof DatagramPacket dp) {
                    RtpPacket p = RtpPacket.decode(dp.content());
                    packetsReceived.incrementAndGet();
                    bytesReceived.addAndGet(p.payload().length);
                }
            } catch (IllegalArgumentException notRtp) {
                LOG.log(System.Logger.Level.DEBUG, () -> UdpRtpStream.this + " dropped a non-RTP datagram: " + notRtp.getMessage());
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(System.Logger.Level.DEBUG, () -> UdpRtpStream.this + ": " + cause);
        }
    }

    /** RTCP (RFC 3550 §6) is not processed yet. */
    private final class Discarder extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(System.Logger.Level.DEBUG, () -> UdpRtpStream.this + " RTCP: " + cause);
        }
    }
}
