package org.sipee.media;

import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * An RTP stream on one Netty event loop: an RTP socket on an even port and an RTCP socket on the next
 * odd port (RFC 3550 §11). One 20 ms packet clock on the loop drives both the send path and the
 * receive path's playout; it runs only while there is something to send or play out. State is confined
 * to the event loop; the public methods validate on the caller's thread, hand work to the loop and
 * return at once.
 */
final class UdpRtpStream implements RtpStream {

    private static final Random RANDOM = new SecureRandom();
    static final double TONE_LEVEL_DBFS = -10;

    private final int port;
    private final EventLoop loop;
    private final RtpSockets sockets;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onClosing;
    // RFC 3550 §5.1: SSRC, sequence and timestamp start random.
    private final SendPath send = new SendPath(RANDOM.nextInt(), RANDOM.nextInt(0x10000), RANDOM.nextInt() & 0xFFFFFFFFL);
    private final ReceivePath receive;
    private final RtcpSession rtcpSession;
    private final SymmetricLatch rtpTarget;
    private final RtcpTransmitter rtcp;
    private volatile int telephoneEvent = -1;

    // Confined to the event loop.
    private final PacketClock clock;
    private ScheduledFuture<?> timeoutTimer;
    private long connectedAt = -1;

    /**
     * Takes over two bound, open sockets and registers them with {@code loop}.
     *
     * @param loopClock {@code loop}'s packet clock, shared by its streams
     * @param onClosing called once when close() starts (the stream no longer counts as open)
     * @param onClosed  called with the RTP port once both sockets are closed (the ports may be reused)
     */
    UdpRtpStream(EventLoop loop, LoopClock loopClock, int port, java.nio.channels.DatagramChannel rtpSocket,
                 java.nio.channels.DatagramChannel rtcpSocket, Runnable onClosing, IntConsumer onClosed,
                 StreamOptions options, String cname) {
        this.loop = loop;
        this.port = port;
        this.onClosing = onClosing;
        this.receive = new ReceivePath(options.jitterMinFrames(), options.jitterMaxFrames());
        this.rtcpSession = new RtcpSession(send, receive.statistics(), cname, options.rtcpInterval().toNanos());
        this.rtpTarget = new SymmetricLatch(options.symmetricRtp());
        this.sockets = new RtpSockets(loop, port, rtpSocket, rtcpSocket, onClosed, toString(), this::onRtp, this::onRtcp);
        this.rtcp = new RtcpTransmitter(loop, rtcpSession, sockets, rtpTarget, options.symmetricRtp());
        this.clock = new PacketClock(loopClock, send, receive, sockets, rtpTarget);
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
        G711Codec c = G711Codec.forEncodingName(encodingName);
        onLoop(() -> {
            int te = telephoneEvent;
            send.configure(payloadType, c, te);
            receive.configure(payloadType, c, te);
            rtpTarget.configured(remote);
            rtcp.connected(remote);
            if (connectedAt < 0) {
                connectedAt = System.nanoTime();
            }
        });
    }

    @Override
    public void telephoneEventPayloadType(int payloadType) {
        if (payloadType < -1 || payloadType > 127) {
            throw new IllegalArgumentException("telephone-event payload type must be 0..127 or -1, was " + payloadType);
        }
        telephoneEvent = payloadType; // applied by the next connect()
    }

    @Override
    public void playTone(double frequencyHz) {
        ToneGenerator generator = new ToneGenerator(frequencyHz, TONE_LEVEL_DBFS); // validates in the caller's thread
        startSource(generator::nextFrame);
    }

    @Override
    public CompletableFuture<Boolean> play(Path wav) throws IOException {
        requireOpen();
        WavPlayer player = new WavPlayer(WavFile.read(wav));
        startSource(player);
        return player.completion();
    }

    @Override
    public CompletableFuture<Boolean> playTone(double frequencyHz, Duration duration) {
        ToneGenerator generator = new ToneGenerator(frequencyHz, TONE_LEVEL_DBFS);
        WavPlayer player = new WavPlayer(generator.samples(duration));
        startSource(player);
        return player.completion();
    }

    @Override
    public void sending(boolean sending) {
        requireOpen();
        onLoop(() -> {
            send.sending(sending);
            clock.start();
        });
    }

    @Override
    public void mute(boolean muted) {
        requireOpen();
        onLoop(() -> send.muted(muted));
    }

    @Override
    public void echo() {
        startSource(EchoSource.attach(receive));
    }

    @Override
    public FrameFeed playFeed() {
        FrameFeed feed = new FrameFeed(this::stopPlaying);
        startSource(feed.source());
        return feed;
    }

    private void startSource(MediaSource source) {
        requireOpen();
        loop.execute(() -> {
            if (closed.get()) { // closed since: the source ends as if replaced, so whoever waits on it learns so
                source.finished(false);
                return;
            }
            send.source(source);
            clock.start();
        });
    }

    @Override
    public void stopPlaying() {
        if (!closed.get()) {
            onLoop(() -> send.source(null));
        }
    }

    /** Stops {@code source} unless another source replaced it already (a feed closed after something else started). */
    private void stopPlaying(MediaSource source) {
        if (!closed.get()) {
            onLoop(() -> {
                if (send.source() == source) {
                    send.source(null);
                }
            });
        }
    }

    @Override
    public void sendDtmf(char digit, Duration duration) {
        requireOpen();
        if (telephoneEvent < 0) {
            throw new IllegalStateException("no telephone-event payload type negotiated (RFC 4733): cannot send DTMF");
        }
        DtmfSender sender = new DtmfSender(digit, (int) Math.min(Integer.MAX_VALUE, duration.toMillis() * 8), SendPath.FRAME);
        onLoop(() -> {
            send.queueDigit(sender);
            clock.start();
        });
    }

    @Override
    public void onDtmf(Consumer<DtmfEvent> listener) {
        receive.addDtmfListener(listener);
    }

    @Override
    public void removeDtmfListener(Consumer<DtmfEvent> listener) {
        receive.removeDtmfListener(listener);
    }

    @Override
    public void onAudio(Consumer<short[]> frames) {
        receive.addSink(frames);
    }

    @Override
    public void removeAudioListener(Consumer<short[]> frames) {
        receive.removeSink(frames);
    }

    @Override
    public Recording record(Path wav) throws IOException {
        requireOpen();
        return WavRecorder.attach(wav, receive);
    }

    @Override
    public void onMediaTimeout(Duration timeout, Runnable callback) {
        requireOpen();
        MediaTimeout check = callback == null ? null : new MediaTimeout(timeout.toNanos(), callback, System.nanoTime());
        onLoop(() -> {
            cancel(timeoutTimer);
            timeoutTimer = check == null ? null : check.schedule(loop, receive::lastArrivalNanos, () -> connectedAt);
        });
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return rtpTarget.target();
    }

    @Override
    public RtpStreamStats stats() {
        return new RtpStreamStats(send.packets(), receive.datagramsReceived(), receive.payloadOctetsReceived());
    }

    @Override
    public StreamQuality quality() {
        return QualityReport.of(send, receive, rtcpSession);
    }

    /**
     * Stops sending and closes both sockets; returns at once. A BYE goes out first when RTCP has a
     * destination (§6.6). The ports go back to the allocator when the sockets are really closed.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        onClosing.run();
        try {
            loop.execute(() -> {
                clock.stop();
                cancel(timeoutTimer);
                rtcp.stop();
                rtcp.send(true);
                send.close();
            });
        } catch (RejectedExecutionException loopGone) {
            return; // the loop has ended: its sockets are closed and the ports released
        }
        sockets.close();
    }

    /** See {@link RtpSockets#releaseIfLoopTerminated()}; for MediaEngine.close(). */
    void releaseIfLoopTerminated() {
        sockets.releaseIfLoopTerminated();
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    private void onLoop(Runnable task) {
        loop.execute(() -> {
            if (!closed.get()) {
                task.run();
            }
        });
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    private void onRtp(DatagramPacket dp) {
        if (receive.onDatagram(dp.content(), System.nanoTime())) {
            rtpTarget.observe(dp.sender());
            if (!receive.idle() && !closed.get()) {
                clock.start();
            }
        }
    }

    private void onRtcp(DatagramPacket dp) {
        RtcpTransmitter t = rtcp;
        if (t != null) { // null only for a datagram read while the constructor still runs
            t.received(dp);
        }
    }

    @Override
    public String toString() {
        return "RtpStream[port " + port + ", ssrc " + Integer.toUnsignedString(send.ssrc(), 16) + "]";
    }
}
