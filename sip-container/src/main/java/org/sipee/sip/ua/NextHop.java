package org.sipee.sip.ua;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import io.netty.util.NetUtil;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipUri;

/**
 * Where a request goes (RFC 3261 §8.1.2, RFC 3263 for IP literals only): the host and port of a SIP URI, port
 * 5060 (5061 for sips) by default. Host names are never resolved here, to keep the event loop free of DNS.
 */
final class NextHop {

    private NextHop() {
    }

    /** The address of an IP-literal URI, or {@code fallback} when the URI is null, broken or names a host. */
    static InetSocketAddress of(String uri, InetSocketAddress fallback) {
        if (uri == null) {
            return fallback;
        }
        try {
            SipUri parsed = SipUri.parse(uri);
            String host = parsed.host();
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(bare);
            if (bytes == null) {
                return fallback;
            }
            int port = parsed.port() > 0 ? parsed.port() : parsed.scheme().equals("sips") ? 5061 : 5060;
            return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
        } catch (SipParseException | UnknownHostException e) {
            return fallback;
        }
    }
}
