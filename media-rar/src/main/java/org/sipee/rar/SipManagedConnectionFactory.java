package org.sipee.rar;

import java.io.PrintWriter;
import java.util.Set;

import javax.security.auth.Subject;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;

/**
 * Makes SipManagedConnections, thin views of the adapter's engine: every one is equivalent, so
 * any pooled one matches. No config-properties of its own.
 */
public class SipManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private transient SipResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) {
        return new SipConnectionFactoryImpl(this, connectionManager);
    }

    /** Outside a server: connections straight from a fresh managed connection. */
    @Override
    public Object createConnectionFactory() {
        return new SipConnectionFactoryImpl(this, (mcf, info) -> mcf.createManagedConnection(null, info).getConnection(null, info));
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new SipManagedConnection(this);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        for (Object candidate : candidates) {
            if (candidate instanceof SipManagedConnection connection) {
                return connection;
            }
        }
        return null;
    }

    Engine engine() {
        if (resourceAdapter == null) {
            throw new IllegalStateException("connection factory not associated with the sipee resource adapter");
        }
        return resourceAdapter.engine();
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        if (!(ra instanceof SipResourceAdapter sipRa)) {
            throw new ResourceException("expected a SipResourceAdapter, got " + ra);
        }
        this.resourceAdapter = sipRa;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipManagedConnectionFactory;
    }

    @Override
    public int hashCode() {
        return SipManagedConnectionFactory.class.getName().hashCode();
    }
}
