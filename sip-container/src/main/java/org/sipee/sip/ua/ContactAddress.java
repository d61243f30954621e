package org.sipee.sip.ua;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

import io.netty.util.NetUtil;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipUri;

/**
 * Our Contact (RFC 3261 §8.1.1.8, §12.1.1): the bound address; when bound to a wildcard address,
 * the host the caller used in the Request-URI, with our port.
 */
record ContactAddress(Supplier<InetSocketAddress> bound) {

    String headerValue(SipRequest request) {
        InetSocketAddress local = bound.get();
        InetAddress address = local.getAddress();
        String host = address.isAnyLocalAddress() ? requestUriHost(request) : hostText(address);
        return "<sip:" + host + ':' + local.getPort() + (overTcp(request) ? ";transport=tcp>" : ">");
    }

    /** Our Contact in a request we send inside a dialog (§12.2.1.1: target refresh requests carry one). */
    String ourContact() {
        InetSocketAddress local = bound.get();
        InetAddress address = local.getAddress();
        return "<sip:" + (address.isAnyLocalAddress() ? hostText(NetUtil.LOCALHOST) : hostText(address)) + ':'
                + local.getPort() + '>';
    }

    /** The request came over TCP (its top Via, §18.2.1): the peer must reach us over TCP again (§19.1.4). */
    private static boolean overTcp(SipRequest request) {
        try {
            return request.topVia().transport().equalsIgnoreCase("TCP");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String hostText(InetAddress address) {
        String text = NetUtil.toAddressString(address);
        return text.indexOf(':') >= 0 ? '[' + text + ']' : text;
    }

    private static String requestUriHost(SipRequest request) {
        try {
            return SipUri.parse(request.requestUri()).host();
        } catch (SipParseException e) {
            return hostText(NetUtil.LOCALHOST);
        }
    }
}
