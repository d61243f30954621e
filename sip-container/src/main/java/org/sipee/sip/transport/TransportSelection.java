package org.sipee.sip.transport;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.function.Function;

import io.netty.util.NetUtil;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipSerializer;
import org.sipee.sip.message.Via;

/**
 * RFC 3261 §18.1.1: which transport a request goes over, with its top Via rewritten to match (transport
 * and sent-by). A top Via that already names a transport other than UDP keeps it; otherwise UDP, unless
 * the request is within 200 bytes of the path MTU (assumed 1500: larger than 1300 bytes) and TCP is there.
 */
final class TransportSelection {

    static final int PATH_MTU = 1500;
    static final int UDP_LIMIT = PATH_MTU - 200;

    /** The chosen transport name and the request encoded with its rewritten Via. */
    record Choice(String transport, byte[] encoded) {
    }

    private TransportSelection() {
    }

    /**
     * @param available transport names bound, e.g. UDP and TCP
     * @param local     local address of each transport, by name
     * @throws IllegalArgumentException when the request has no Via or names a transport we do not have
     */
    static Choice choose(SipRequest request, Set<String> available, Function<String, InetSocketAddress> local) {
        Via via = request.topVia();
        if (via == null) {
            throw new IllegalArgumentException("request " + request.startLine() + " has no Via to send it by");
        }
        String wanted = via.transport();
        if (!wanted.equals("UDP") || !available.contains("UDP")) {
            if (!available.contains(wanted)) {
                throw new IllegalArgumentException("top Via asks for transport " + wanted + ", bound: " + available);
            }
            return encode(request, via, wanted, local.apply(wanted));
        }
        Choice udp = encode(request, via, "UDP", local.apply("UDP"));
        if (udp.encoded().length > UDP_LIMIT && available.contains("TCP")) {
            return encode(request, via, "TCP", local.apply("TCP")); // §18.1.1: congestion-controlled transport
        }
        return udp;
    }

    private static Choice encode(SipRequest request, Via via, String transport, InetSocketAddress local) {
        request.setTopVia(rewrite(via, transport, local));
        return new Choice(transport, SipSerializer.encode(request));
    }

    /** The Via with our transport and sent-by; a wildcard bind keeps the host the caller put there. */
    static Via rewrite(Via via, String transport, InetSocketAddress local) {
        String host = local.getAddress().isAnyLocalAddress() ? via.host() : hostText(local);
        return new Via(via.version(), transport, host, local.getPort(), via.params());
    }

    /** IPv6 sent-by in brackets (§25.1 IPv6reference). */
    static String hostText(InetSocketAddress address) {
        String text = NetUtil.toAddressString(address.getAddress());
        return text.indexOf(':') >= 0 ? '[' + text + ']' : text;
    }
}
