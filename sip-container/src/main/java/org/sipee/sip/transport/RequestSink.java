package org.sipee.sip.transport;

import java.net.InetSocketAddress;

import org.sipee.sip.message.SipRequest;

/** Receives requests from the transport on its event loop, after Via stamping (RFC 3261 §18.2.1). */
@FunctionalInterface
public interface RequestSink {
    void onRequest(SipRequest request, InetSocketAddress source);
}
