package org.sipee.sip.transport;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipMessage;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipRequest;

/**
 * Turns datagrams into requests for the {@link RequestSink}. Nothing a peer sends closes the channel:
 * unparseable datagrams are answered 400 (or 505) when they are requests carrying Via, Call-ID, CSeq, From and To
 * (RFC 3261 §8.2, §16.3), else dropped;
 * responses are dropped since this stack has no client transactions yet.
 */
final class InboundDatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final System.Logger LOG = System.getLogger(InboundDatagramHandler.class.getName());

    private final RequestSink sink;
    private final UdpTransport transport;
    private final TransportCounters counters;

    InboundDatagramHandler(RequestSink sink, UdpTransport transport, TransportCounters counters) {
        this.sink = sink;
        this.transport = transport;
        this.counters = counters;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        InetSocketAddress source = packet.sender();
        SipMessage message;
        try {
            message = SipParser.parse(ByteBufUtil.getBytes(packet.content()));
        } catch (SipParseException e) {
            counters.countMalformed();
            answerMalformed(e, source);
            return;
        }
        counters.countReceived();
        if (!(message instanceof SipRequest request)) {
            LOG.log(Level.DEBUG, "dropping response {0} from {1}: no client transactions", message, source);
            return;
        }
        try {
            ViaStamping.stamp(request, source);
            sink.onRequest(request, source);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "failed to handle " + request + " from " + source, e);
        }
    }

    /** The error response goes back to the source address: the Via of a broken message is not trusted. */
    private void answerMalformed(SipParseException e, InetSocketAddress source) {
        SipMessage partial = e.partialMessage();
        if (partial instanceof SipRequest request && !request.isMethod("ACK") && canBeAnswered(request)) {
            LOG.log(Level.DEBUG, "answering {0} {1} to bad request from {2}: {3}",
                    e.statusCode(), e.reasonPhrase(), source, e.getMessage());
            transport.sendTo(Responses.create(request, e.statusCode(), e.reasonPhrase(), null), source);
        } else {
            LOG.log(Level.DEBUG, "dropping malformed datagram from {0}: {1}", source, e.getMessage());
        }
    }

    /** A response needs the headers a UAC matches it by (RFC 3261 §8.2.6.2, §17.1.3). */
    private static boolean canBeAnswered(SipRequest request) {
        return request.header(HeaderNames.VIA) != null && request.header(HeaderNames.CALL_ID) != null
                && request.header(HeaderNames.CSEQ) != null && request.header(HeaderNames.FROM) != null
                && request.header(HeaderNames.TO) != null;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.WARNING, "UDP channel error (channel stays open)", cause);
    }
}
