package org.sipee.sip.transport;

import java.net.InetSocketAddress;

import org.sipee.sip.message.SipResponse;

/** Receives responses from the transport on its event loop (RFC 3261 §18.1.2), for the client transactions. */
@FunctionalInterface
public interface ResponseSink {

    /** Drops every response: a stack without client transactions. */
    ResponseSink DROP = (response, source) -> { };

    void onResponse(SipResponse response, InetSocketAddress source);
}
