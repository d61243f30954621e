package org.sipee.sip.transaction;

import org.sipee.sip.message.SipResponse;

/** The transport below the transaction layer. */
@FunctionalInterface
public interface ResponseChannel {
    void send(SipResponse response);
}
