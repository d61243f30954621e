package org.sipee.sip.transport;

import java.net.InetSocketAddress;

import io.netty.util.NetUtil;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.Via;

/**
 * RFC 3261 §18.2.1 and RFC 3581 §4: a server transport records where a request really came from
 * in the top Via: {@code received} when sent-by differs from the source address, {@code rport}
 * filled in when the request carries an empty rport (which also implies received).
 */
final class ViaStamping {

    private ViaStamping() {
    }

    static void stamp(SipRequest request, InetSocketAddress source) {
        Via via = request.topVia();
        String sourceHost = NetUtil.toAddressString(source.getAddress());
        Via stamped = via;
        boolean fillRport = via.hasRport() && via.rport() < 0;
        if (fillRport || !sameAddress(via.host(), source)) {
            stamped = stamped.withParam("received", sourceHost);
        }
        if (fillRport) {
            stamped = stamped.withParam("rport", Integer.toString(source.getPort()));
        }
        if (stamped != via) {
            request.setTopVia(stamped);
        }
    }

    /** Compares an IP literal in sent-by with the source address; a host name never matches. */
    private static boolean sameAddress(String sentByHost, InetSocketAddress source) {
        String literal = sentByHost.startsWith("[") ? sentByHost.substring(1, sentByHost.length() - 1) : sentByHost;
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
        return bytes != null && java.util.Arrays.equals(bytes, source.getAddress().getAddress());
    }
}
