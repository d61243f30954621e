package org.sipee.sip.transport;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.message.SipSerializer;

/**
 * SIP over TCP (RFC 3261 §18): a listener, outbound connections on demand, one {@link ConnectionTable} for
 * both so that any open connection to an address is reused, and idle connections closed after {@code idleTimeout}.
 */
public final class TcpTransport implements Transport {

    private static final System.Logger LOG = System.getLogger(TcpTransport.class.getName());
    /** Header block limit on a stream; the whole message is limited like a datagram's. */
    static final int MAX_HEADER_BYTES = 32 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final Duration idleTimeout;
    private final Duration routeLinger;
    private final ConnectionTable connections = new ConnectionTable();
    private final ResponseRoutes routes = new ResponseRoutes();
    private ChannelGroup channels;
    private Channel listener;
    private Bootstrap client;
    private ScheduledFuture<?> rotation;
    private volatile boolean closed;

    /**
     * @param idleTimeout a connection without traffic this long is closed
     * @param routeLinger how long a response route outlives the final response (64*T1, for 2xx retransmissions)
     */
    public TcpTransport(Duration idleTimeout, Duration routeLinger) {
        this.idleTimeout = idleTimeout;
        this.routeLinger = routeLinger;
    }

    @Override
    public String name() {
        return "TCP";
    }

    @Override
    public boolean reliable() {
        return true;
    }

    @Override
    public void bind(EventLoopGroup group, InetSocketAddress address, InboundDispatcher inbound) throws IOException {
        closed = false;
        channels = new DefaultChannelGroup("sip-tcp", ImmediateEventExecutor.INSTANCE);
        InboundStreamHandler handler = new InboundStreamHandler(inbound, connections, routes);
        ChannelInitializer<SocketChannel> pipeline = new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channels.add(channel);
                channel.pipeline().addLast(new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS),
                        new SipStreamDecoder(MAX_HEADER_BYTES, SipParser.MAX_MESSAGE_BYTES), handler);
            }
        };
        client = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(pipeline);
        ChannelFuture bound = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(pipeline)
                .bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw BindFailure.of("TCP", address, bound.cause());
        }
        listener = bound.channel();
        long linger = routeLinger.toMillis();
        rotation = listener.eventLoop().scheduleAtFixedRate(routes::rotate, linger, linger, TimeUnit.MILLISECONDS);
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** Over the open connection to the destination, else over a new one (§18.1.1). */
    @Override
    public SentMessage send(byte[] encoded, InetSocketAddress destination) {
        if (closed || client == null) {
            return SentMessage.NOT_SENT; // no new connections while (or after) closing
        }
        ChannelFuture connection = connections.find(destination);
        if (connection == null) {
            ChannelFuture connecting = client.connect(destination);
            connection = connections.addConnecting(destination, connecting);
            if (connection != connecting) {
                connecting.channel().close(); // lost a race with another sender
            }
            ChannelFuture listed = connection;
            listed.addListener(f -> {
                if (!f.isSuccess()) {
                    connections.remove(destination, listed.channel());
                }
            });
        }
        return StreamSentMessage.send(connection, encoded, destination);
    }

    /**
     * §18.2.2: over the connection the request came on if it is still open; else to the received address (or
     * sent-by host) at the sent-by port, reusing or opening a connection there.
     */
    @Override
    public SentMessage sendResponse(SipResponse response) {
        byte[] encoded = SipSerializer.encode(response);
        Channel channel = routes.channelFor(response);
        if (channel != null) {
            return StreamSentMessage.send(channel.newSucceededFuture(), encoded, (InetSocketAddress) channel.remoteAddress());
        }
        InetSocketAddress destination;
        try {
            destination = ResponseRouting.streamDestination(response.topVia());
        } catch (SipParseException e) {
            destination = null;
        }
        if (destination == null) {
            LOG.log(Level.WARNING, "no connection and no IP destination in the top Via of {0}; not sent", response);
            return SentMessage.NOT_SENT;
        }
        return send(encoded, destination);
    }

    @Override
    public int connections() {
        return channels == null ? 0 : (int) channels.stream().filter(Channel::isActive).count();
    }

    /** Response routes held (pending and lingering), for tests. */
    int routes() {
        return routes.size();
    }

    @Override
    public void close() {
        closed = true;
        if (rotation != null) {
            rotation.cancel(false);
        }
        if (listener != null) {
            listener.close().awaitUninterruptibly();
        }
        if (channels != null) {
            channels.close().awaitUninterruptibly();
        }
    }
}
