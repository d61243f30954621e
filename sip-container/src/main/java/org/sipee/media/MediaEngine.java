package org.sipee.media;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ProtocolFamily;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Facade of the RTP engine: port allocation and RTP streams on one or two Netty event loops. */
public final class MediaEngine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MediaEngine.class.getName());

    private final MediaConfig config;
    private final InetAddress bindAddress;
    private final String advertisedAddress;
    private final EventLoopGroup group;
    private final Map<EventExecutor, LoopClock> clocks = new IdentityHashMap<>(); // one per loop, fixed at start
    private final PortAllocator ports;
    private final Set<UdpRtpStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong exhaustions = new AtomicLong();
    private final ConferenceClock conferenceClock;
    private final String cname;

    private MediaEngine(MediaConfig config, InetAddress bindAddress, EventLoopGroup group) {
        this.config = config;
        this.bindAddress = bindAddress;
        this.advertisedAddress = chooseAdvertisedAddress(bindAddress);
        this.group = group;
        group.forEach(loop -> clocks.put(loop, new LoopClock((EventLoop) loop)));
        this.conferenceClock = new ConferenceClock(group.next()); // every room mixes on one loop: 0.7 µs per member
        this.ports = new PortAllocator(config.rtpPortMin(), config.rtpPortMax());
        // RFC 3550 §6.5.1 / RFC 7022: one CNAME per engine, random so it stays unique behind NATs
        this.cname = "sipee-" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + "@" + advertisedAddress;
    }

    /** @param ioExecutor runs each Netty event loop (one long-running task per loop); null for Netty's own threads */
    public static MediaEngine start(MediaConfig config, Executor ioExecutor) {
        InetAddress address;
        try {
            address = InetAddress.getByName(config.bindAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("rtp bindAddress '" + config.bindAddress() + "' does not resolve", e);
        }
        new PortAllocator(config.rtpPortMin(), config.rtpPortMax()); // refuse a range without a pair before starting threads
        int loops = Math.min(2, Runtime.getRuntime().availableProcessors());
        EventLoopGroup group = ioExecutor != null
                ? new NioEventLoopGroup(loops, ioExecutor)
                : new NioEventLoopGroup(loops, new DefaultThreadFactory("sipee-rtp", true));
        return new MediaEngine(config, address, group);
    }

    /**
     * Allocates an even RTP port (and the next odd one for RTCP) and binds both. A pair that another
     * socket holds is skipped; every pair is tried at most once.
     *
     * @throws PortsExhaustedException when no pair of the range can be had
     */
    public RtpStream openStream() {
        return openStream(StreamOptions.defaults());
    }

    /** Like {@link #openStream()} with other jitter-buffer, RTCP or symmetric-RTP settings. */
    public RtpStream openStream(StreamOptions options) {
        if (closed.get()) {
            throw new IllegalStateException("media engine is closed");
        }
        // Pairs that another socket holds stay reserved until the search ends, so each pair is tried once.
        List<Integer> heldElsewhere = new ArrayList<>();
        try {
            return bindFreePair(heldElsewhere, options);
        } finally {
            heldElsewhere.forEach(ports::release);
        }
    }

    private RtpStream bindFreePair(List<Integer> heldElsewhere, StreamOptions options) {
        while (true) {
            int port = ports.allocate();
            if (port < 0) {
                break;
            }
            DatagramChannel rtpSocket = null;
            DatagramChannel rtcpSocket = null;
            try {
                // bind() is a quick syscall on the caller's thread; no event loop is waited on
                rtpSocket = bind(port);
                rtcpSocket = bind(port + 1);
            } catch (BindException inUse) {
                closeQuietly(rtpSocket);
                heldElsewhere.add(port);
                LOG.log(System.Logger.Level.DEBUG, () -> "RTP port pair " + port + " held by another socket, skipped");
                continue;
            } catch (IOException e) {
                closeQuietly(rtpSocket);
                ports.release(port);
                if (outOfDescriptors(e)) {
                    exhaustions.incrementAndGet();
                    throw new PortsExhaustedException("cannot open RTP sockets for port " + port + ": " + e.getMessage()
                            + " (the process's file descriptor limit, ulimit -n, is reached)");
                }
                throw new UncheckedIOException("cannot bind RTP port " + port + " on " + bindAddress.getHostAddress(), e);
            }
            UdpRtpStream[] self = new UdpRtpStream[1];
            UdpRtpStream stream;
            try {
                EventLoop loop = group.next();
                stream = new UdpRtpStream(loop, clocks.get(loop), port, rtpSocket, rtcpSocket, () -> streams.remove(self[0]), ports::release,
                        options, cname);
            } catch (RuntimeException e) {
                closeQuietly(rtpSocket);
                closeQuietly(rtcpSocket);
                ports.release(port);
                throw e;
            }
            self[0] = stream;
            streams.add(stream);
            if (closed.get()) { // close() ran meanwhile and may have missed this stream
                stream.close();
                throw new IllegalStateException("media engine is closed");
            }
            return stream;
        }
        exhaustions.incrementAndGet();
        throw new PortsExhaustedException("no free RTP/RTCP port pair in " + config.rtpPortMin() + ".." + config.rtpPortMax()
                + " on " + bindAddress.getHostAddress() + ": " + ports.capacity() + " pairs, " + streams.size()
                + " used by our streams, " + heldElsewhere.size() + " held by other sockets");
    }

    /**
     * Bridges two open streams, e.g. the legs of a call to each other, so each hears the other (audio re-encoded to
     * each leg's codec, DTMF re-sent as RFC 4733 events); replaces what either was playing. See {@link MediaBridge}.
     *
     * @throws IllegalStateException when the engine or either stream is closed
     */
    public MediaBridge bridge(RtpStream a, RtpStream b) {
        if (closed.get()) {
            throw new IllegalStateException("media engine is closed");
        }
        return new MediaBridge(a, b);
    }

    /**
     * A conference room whose members' streams hear each other (each the sum of the others, not itself), mixed by
     * the engine's one conference clock. See {@link MediaConference}.
     *
     * @param listener told when a member joins or leaves, and when one starts or stops talking (on the clock's thread)
     */
    public MediaConference conference(ConferenceListener listener) {
        if (closed.get()) {
            throw new IllegalStateException("media engine is closed");
        }
        return new MediaConference(conferenceClock, listener);
    }

    /** Ports currently allocated (two per open stream, until its sockets are closed). */
    /** RTP/RTCP port pairs of the range not allocated (some may still be held by other sockets). */
    public int freePortPairs() {
        return ports.capacity() - ports.pairsInUse();
    }

    /** Times a stream could not be opened for want of a port pair or a socket. */
    public long portExhaustions() {
        return exhaustions.get();
    }

    public int portsInUse() {
        return ports.portsInUse();
    }

    public int openStreams() {
        return streams.size();
    }

    /** The address to advertise in SDP c= lines: the bind address, or a local one when bound to the wildcard. */
    public String advertisedAddress() {
        return advertisedAddress;
    }

    /** Closes every stream, frees every port, stops the event loops and waits for them. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Set<UdpRtpStream> open = Set.copyOf(streams);
        for (UdpRtpStream s : open) {
            s.close();
        }
        boolean onOwnLoop = false;
        for (EventExecutor e : group) {
            onOwnLoop |= e.inEventLoop();
        }
        var termination = group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        if (!onOwnLoop && !termination.awaitUninterruptibly(10, TimeUnit.SECONDS)) {
            LOG.log(System.Logger.Level.WARNING, "RTP event loops did not stop within 10 s");
        }
        open.forEach(UdpRtpStream::releaseIfLoopTerminated);
    }

    private DatagramChannel bind(int port) throws IOException {
        ProtocolFamily family = bindAddress instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        DatagramChannel ch = DatagramChannel.open(family);
        try {
            ch.bind(new InetSocketAddress(bindAddress, port));
            return ch;
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /** EMFILE/ENFILE: no socket can be had, which is exhaustion like a full range, not a fault. */
    private static boolean outOfDescriptors(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Too many open files");
    }

    private static void closeQuietly(DatagramChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to do: the socket is gone either way
            }
        }
    }

    /** For a wildcard bind: the first IPv4 address of an up, non-loopback interface, else 127.0.0.1. */
    private static String chooseAdvertisedAddress(InetAddress bind) {
        if (!bind.isAnyLocalAddress()) {
            return bind.getHostAddress();
        }
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback() || nif.isVirtual()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLinkLocalAddress()) {
                        return a.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list network interfaces, advertising 127.0.0.1", e);
        }
        return "127.0.0.1";
    }
}
