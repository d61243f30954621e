package org.sipee.sip.transaction;

import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transport.SentMessage;

/** The transport below the transaction layer. */
@FunctionalInterface
public interface ResponseChannel {

    /** Sends the response where its Via says; the result resends the same bytes to the same place. */
    SentMessage send(SipResponse response);
}
