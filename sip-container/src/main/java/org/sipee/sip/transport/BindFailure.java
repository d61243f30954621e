package org.sipee.sip.transport;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;

/** Bind errors that name transport, address and port. */
final class BindFailure {

    private BindFailure() {
    }

    static IOException of(String transport, InetSocketAddress address, Throwable cause) {
        String where = transport + " " + address.getHostString() + ":" + address.getPort();
        if (cause instanceof BindException) {
            BindException e = new BindException("cannot bind " + where + ": " + cause.getMessage());
            e.initCause(cause);
            return e;
        }
        return new IOException("cannot bind " + where, cause);
    }
}
