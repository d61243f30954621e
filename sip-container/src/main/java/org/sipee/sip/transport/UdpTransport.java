package org.sipee.sip.transport;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.message.SipSerializer;

/** SIP over UDP on a Netty datagram channel (RFC 3261 §18). */
public final class UdpTransport implements Transport {

    private static final System.Logger LOG = System.getLogger(UdpTransport.class.getName());
    /** Larger than any UDP payload, so that no datagram is silently truncated. */
    private static final int RECEIVE_BUFFER_BYTES = 65536;
    /**
     * Socket receive buffer (SO_RCVBUF). The kernel default (about 200 KB, some 90 small datagrams on
     * loopback) overflows within a short pause of the event loop at a few thousand messages a second,
     * and the lost ACKs and BYEs leave calls hanging until 64*T1. The kernel caps it at net.core.rmem_max.
     */
    private static final int SOCKET_RECEIVE_BUFFER_BYTES = 4 << 20;

    private Channel channel;

    @Override
    public String name() {
        return "UDP";
    }

    @Override
    public boolean reliable() {
        return false;
    }

    @Override
    public void bind(EventLoopGroup group, InetSocketAddress address, InboundDispatcher inbound) throws IOException {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(RECEIVE_BUFFER_BYTES))
                .option(ChannelOption.SO_RCVBUF, SOCKET_RECEIVE_BUFFER_BYTES)
                .handler(new InboundDatagramHandler(inbound, this));
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw BindFailure.of("UDP", address, bound.cause());
        }
        channel = bound.channel();
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Sends a response where its top Via says (RFC 3261 §18.2.2, RFC 3581). */
    @Override
    public SentMessage sendResponse(SipResponse response) {
        InetSocketAddress destination;
        try {
            destination = ResponseRouting.destination(response.topVia());
        } catch (SipParseException e) {
            destination = null;
        }
        if (destination == null) {
            LOG.log(Level.WARNING, "no IP destination in the top Via of {0}; not sent", response);
            return SentMessage.NOT_SENT;
        }
        return sendTo(response, destination);
    }

    SentMessage sendTo(SipResponse response, InetSocketAddress destination) {
        return send(SipSerializer.encode(response), destination);
    }

    @Override
    public SentMessage send(byte[] encoded, InetSocketAddress destination) {
        SentMessage sent = () -> sendBytes(encoded, destination);
        sent.resend();
        return sent;
    }

    private void sendBytes(byte[] encoded, InetSocketAddress destination) {
        if (channel == null || !channel.isActive()) {
            return;
        }
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(encoded), destination))
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        LOG.log(Level.DEBUG, "sending to " + destination + " failed", f.cause());
                    }
                });
    }

    @Override
    public int connections() {
        return 0;
    }

    /** Closes the socket and waits for it to be released. */
    @Override
    public void close() {
        if (channel != null) {
            channel.close().awaitUninterruptibly();
        }
    }
}
