package org.sipee.session;

import java.util.function.Function;

import jakarta.resource.ResourceException;

import org.sipee.rar.api.SipConnection;
import org.sipee.rar.api.SipConnectionFactory;

/**
 * Short-lived connection handles, the JCA way: take one from the factory, use it, close it.
 * What it returns (an RTP stream, the SDP answerer) outlives the handle.
 */
final class EngineAccess {

    private final SipConnectionFactory factory;

    EngineAccess(SipConnectionFactory factory) {
        this.factory = factory;
    }

    <T> T apply(Function<SipConnection, T> operation) {
        try (SipConnection connection = factory.getConnection()) {
            return operation.apply(connection);
        } catch (ResourceException e) {
            throw new IllegalStateException("no connection to the SIP adapter (java:/sip/SipConnectionFactory): " + e.getMessage(), e);
        }
    }
}
