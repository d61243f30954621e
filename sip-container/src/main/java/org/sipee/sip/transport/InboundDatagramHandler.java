package org.sipee.sip.transport;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.sipee.sip.message.SipMessage;

/**
 * Turns datagrams into messages for the {@link InboundDispatcher}. Nothing a peer sends closes the channel:
 * unparseable datagrams are answered 400 (or 505) when they are answerable requests, else dropped.
 */
final class InboundDatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final System.Logger LOG = System.getLogger(InboundDatagramHandler.class.getName());

    private final InboundDispatcher inbound;
    private final UdpTransport transport;

    InboundDatagramHandler(InboundDispatcher inbound, UdpTransport transport) {
        this.inbound = inbound;
        this.transport = transport;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        InetSocketAddress source = packet.sender();
        SipMessage message = inbound.parse(ByteBufUtil.getBytes(packet.content()), source,
                response -> transport.sendTo(response, source));
        if (message != null) {
            inbound.deliver(message, source);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.WARNING, "UDP channel error (channel stays open)", cause);
    }
}
