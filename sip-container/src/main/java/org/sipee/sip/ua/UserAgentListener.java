package org.sipee.sip.ua;

/**
 * What the stack reports upward about inbound calls. Called on a stack event-loop thread:
 * implementations must not block and should hand work to their own executor.
 */
public interface UserAgentListener {

    /** A new INVITE outside any dialog; the stack has already sent 100 Trying. */
    void onInvite(InboundCall call);

    /** The ACK for our 2xx arrived: the dialog is confirmed. */
    void onAck(InboundCall call);

    /** The call is over, whatever ended it; called once, after which the stack forgets the call. */
    void onCallEnded(InboundCall call, CallEndReason reason);
}
