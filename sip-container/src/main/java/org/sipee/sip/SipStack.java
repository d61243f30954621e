package org.sipee.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

import org.sipee.sip.ua.UserAgentListener;

/** Facade of the SIP engine: UDP transport, transactions, dialogs and the UAS core. (shell: being written) */
public final class SipStack implements AutoCloseable {

    /**
     * Binds the transport and starts the stack.
     * @param ioExecutor runs each Netty event loop (one long-running task per loop); null for Netty's own threads
     * @throws java.net.BindException naming address and port when the port is taken
     */
    public static SipStack start(SipStackConfig config, Executor ioExecutor, UserAgentListener listener) throws IOException {
        throw new IOException("SipStack is being written");
    }

    public InetSocketAddress localAddress() {
        throw new IllegalStateException("not started");
    }

    public SipStackStats stats() {
        throw new IllegalStateException("not started");
    }

    /** Closes the socket, cancels timers, ends live calls with SHUTDOWN, stops the event loop and waits for it. */
    @Override
    public void close() {
    }
}
