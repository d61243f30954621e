package org.sipee.sip.transport;

import java.io.IOException;
import java.net.InetSocketAddress;

import io.netty.channel.EventLoopGroup;
import org.sipee.sip.message.SipResponse;

/**
 * One SIP transport (RFC 3261 §18) bound to one local address: UDP and TCP now; TLS and WebSocket
 * slot in as further implementations registered in {@link SipTransports}.
 */
public interface Transport {

    /** The Via sent-protocol transport token: "UDP", "TCP", "TLS", "WS"... */
    String name();

    /** True for connection-oriented transports: messages are not retransmitted (§17.1.1.2, §17.1.2.2). */
    boolean reliable();

    /** Binds the listener; its channels run on event loops of the group. Blocks the caller until bound. */
    void bind(EventLoopGroup group, InetSocketAddress address, InboundDispatcher inbound) throws IOException;

    InetSocketAddress localAddress();

    /** Sends encoded bytes (a request) to the destination, reusing an open connection when there is one. */
    SentMessage send(byte[] encoded, InetSocketAddress destination);

    /** Sends a response where §18.2.2 says: for connections the one its request came on, if still open. */
    SentMessage sendResponse(SipResponse response);

    /** Open connections (0 for datagram transports). */
    int connections();

    /** Closes the listener and every connection, and waits for them. */
    void close();
}
