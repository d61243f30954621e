package org.sipee.rar;

import javax.naming.Reference;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;

import org.sipee.rar.api.SipConnection;
import org.sipee.rar.api.SipConnectionFactory;

/** Bound in JNDI (java:/sip/SipConnectionFactory); asks the server's pool for a connection. */
public class SipConnectionFactoryImpl implements SipConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final SipManagedConnectionFactory factory;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    SipConnectionFactoryImpl(SipManagedConnectionFactory factory, ConnectionManager connectionManager) {
        this.factory = factory;
        this.connectionManager = connectionManager;
    }

    @Override
    public SipConnection getConnection() throws ResourceException {
        return (SipConnection) connectionManager.allocateConnection(factory, null);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
