package org.sipee.rar.api;

import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.InboundCall;

/**
 * The application's view of inbound calls. Unlike the engine's UserAgentListener it is called
 * on the adapter's worker threads, serialized per call, so an implementation may take its time
 * (it still delays later events of the same call).
 */
public interface SipApplicationListener {

    void onInvite(InboundCall call);

    void onAck(InboundCall call);

    void onCallEnded(InboundCall call, CallEndReason reason);
}
