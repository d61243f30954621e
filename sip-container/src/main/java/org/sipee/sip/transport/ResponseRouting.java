package org.sipee.sip.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import io.netty.util.NetUtil;
import org.sipee.sip.message.Via;

/**
 * Where to send a response over UDP (RFC 3261 §18.2.2, RFC 3581 §4): to the {@code received} address
 * (with {@code rport} as port when present) or else to sent-by; the port defaults to 5060. Streams:
 * {@link #streamDestination}.
 * maddr (multicast) is not supported. Host names are never resolved here, to keep the event loop
 * free of DNS: a request with a host-name sent-by always gets {@code received} on arrival.
 */
final class ResponseRouting {

    static final int DEFAULT_PORT = 5060;

    private ResponseRouting() {
    }

    /** The destination, or null when the top Via names no usable IP address. */
    static InetSocketAddress destination(Via via) {
        String received = via.received();
        String host = received != null ? received : via.host();
        int port;
        if (via.rport() > 0 && received != null) {
            port = via.rport();
        } else {
            port = via.port() > 0 ? via.port() : DEFAULT_PORT;
        }
        InetAddress address = literal(host);
        return address == null ? null : new InetSocketAddress(address, port);
    }

    /**
     * Where to open a connection for a response whose connection is gone (§18.2.2): the {@code received}
     * address (else the sent-by host) at the sent-by port; rport names the old connection's port, not a listener.
     */
    static InetSocketAddress streamDestination(Via via) {
        String host = via.received() != null ? via.received() : via.host();
        InetAddress address = literal(host);
        return address == null ? null : new InetSocketAddress(address, via.port() > 0 ? via.port() : DEFAULT_PORT);
    }

    private static InetAddress literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(bare);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
