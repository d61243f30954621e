package org.sipee.sip.transport;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import org.sipee.sip.message.SipMessage;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.message.SipSerializer;

/**
 * The logic behind {@link SipStreamDecoder} on one connection: messages go to the {@link InboundDispatcher}
 * (requests remembered for §18.2.2 response routing), keep-alive pings get a CRLF pong (RFC 5626 §4.4.1),
 * a lost framing is answered 400/413 when the request can be answered and the connection is closed (§18.3).
 * An idle connection is closed unless a request on it still awaits its final response.
 */
@Sharable
final class InboundStreamHandler extends SimpleChannelInboundHandler<StreamFrame> {

    private static final System.Logger LOG = System.getLogger(InboundStreamHandler.class.getName());
    private static final byte[] PONG = {'\r', '\n'};

    private final InboundDispatcher inbound;
    private final ConnectionTable connections;
    private final ResponseRoutes routes;

    InboundStreamHandler(InboundDispatcher inbound, ConnectionTable connections, ResponseRoutes routes) {
        this.inbound = inbound;
        this.connections = connections;
        this.routes = routes;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connections.addActive(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        connections.remove((InetSocketAddress) channel.remoteAddress(), channel);
        routes.forget(channel);
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, StreamFrame frame) {
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        switch (frame.kind()) {
            case MESSAGE -> {
                SipMessage message = inbound.parse(frame.bytes(), remote, response -> write(ctx, response, false));
                if (message instanceof SipRequest request) {
                    routes.remember(request, ctx.channel());
                }
                if (message != null) {
                    inbound.deliver(message, remote);
                }
            }
            case KEEP_ALIVE -> ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
            case MISSING_CONTENT_LENGTH -> reject(ctx, frame, 400, "Missing Content-Length");
            case TOO_LARGE -> reject(ctx, frame, 413, "Request Entity Too Large");
            case GARBAGE -> {
                inbound.countMalformed();
                LOG.log(Level.DEBUG, "closing TCP connection from {0}: not SIP", remote);
                ctx.close();
            }
        }
    }

    /** The framing is lost: answer if the header block allows it, then close either way. */
    private void reject(ChannelHandlerContext ctx, StreamFrame frame, int status, String reason) {
        inbound.countMalformed();
        LOG.log(Level.DEBUG, "closing TCP connection from {0}: {1} {2}", ctx.channel().remoteAddress(), status, reason);
        if (!InboundDispatcher.answer(headerBlock(frame.bytes()), status, reason, response -> write(ctx, response, true))) {
            ctx.close();
        }
    }

    private static SipMessage headerBlock(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return SipParser.parse(bytes);
        } catch (SipParseException e) {
            return e.partialMessage();
        }
    }

    private static void write(ChannelHandlerContext ctx, SipResponse response, boolean thenClose) {
        var written = ctx.writeAndFlush(Unpooled.wrappedBuffer(SipSerializer.encode(response)));
        if (thenClose) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            if (!routes.hasPending(ctx.channel())) {
                LOG.log(Level.DEBUG, "closing idle TCP connection {0}", ctx.channel());
                ctx.close();
            }
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.DEBUG, "closing TCP connection " + ctx.channel() + " after an error", cause);
        ctx.close();
    }
}
