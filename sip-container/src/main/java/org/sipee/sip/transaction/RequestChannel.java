package org.sipee.sip.transaction;

import java.net.InetSocketAddress;

import org.sipee.sip.message.SipRequest;
import org.sipee.sip.transport.SentMessage;

/**
 * The transport below the client transactions. The transport picks UDP or TCP (§18.1.1: TCP for a
 * request within 200 bytes of the path MTU, or when the target asks for it), sets the top Via's
 * transport and sent-by to match, sends, and says in the result whether that was reliable.
 * When it cannot send at all it returns {@link SentMessage#NOT_SENT} (or throws): the client transaction
 * reports that to its TU as a transport error, which the TU treats as 503 (RFC 3261 §8.1.3.1, §17.1.4).
 */
@FunctionalInterface
public interface RequestChannel {

    SentMessage send(SipRequest request, InetSocketAddress destination);
}
