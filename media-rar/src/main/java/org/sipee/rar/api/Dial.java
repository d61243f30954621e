package org.sipee.rar.api;

import org.sipee.sip.ua.OutboundCall;
import org.sipee.sip.ua.OutboundCallListener;

/**
 * A call an EE component asked for with {@link SipConnection#dial}, handed to the registered application's
 * {@link SipApplicationListener#onDial}, which sets up its media and places it.
 */
public interface Dial {

    /** The Call-ID the INVITE will carry (already returned by {@code dial}). */
    String callId();

    /** Our identity, as given to dial (SIP URI or name-addr). */
    String from();

    /** The callee, as given to dial. */
    String to();

    /** What the dialling application attached ({@link SipConnection#dial(String, String, Object)}), or null. */
    default Object context() {
        return null;
    }

    /**
     * Sends the INVITE with {@code sdpOffer} (null: no offer). Unlike the engine's contract, the listener is called
     * on the adapter's workers, one event at a time in order with the call's other deliveries, with the registering
     * application's context class loader. Once per dial.
     *
     * @throws IllegalStateException when already placed
     */
    OutboundCall place(String sdpOffer, OutboundCallListener listener);
}
