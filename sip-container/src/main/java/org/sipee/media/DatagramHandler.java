package org.sipee.media;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;

import java.util.function.Consumer;

/** Hands each received datagram to a consumer on the event loop, then releases it. */
final class DatagramHandler extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger(DatagramHandler.class.getName());
    private final String name;
    private final Consumer<DatagramPacket> consumer;

    DatagramHandler(String name, Consumer<DatagramPacket> consumer) {
        this.name = name;
        this.consumer = consumer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof DatagramPacket dp) {
                consumer.accept(dp);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, name + ": datagram handling failed", e);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, () -> name + ": " + cause);
    }
}
