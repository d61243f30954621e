package org.sipee.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import org.sipee.sip.dialog.DialogTable;
import org.sipee.sip.transaction.EventLoopTimerScheduler;
import org.sipee.sip.transaction.ServerTransactionLayer;
import org.sipee.sip.transaction.SipTimers;
import org.sipee.sip.transport.UdpTransport;
import org.sipee.sip.ua.UasCore;
import org.sipee.sip.ua.UasSetup;
import org.sipee.sip.ua.UserAgentListener;

/** Facade of the SIP engine: UDP transport, server transactions, dialogs and the UAS core on one event loop. */
public final class SipStack implements AutoCloseable {

    private final EventLoopGroup group;
    private final EventLoop eventLoop;
    private final UdpTransport transport;
    private final ServerTransactionLayer transactions;
    private final DialogTable dialogs;
    private final UasCore uas;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SipStack(EventLoopGroup group, EventLoop eventLoop, UdpTransport transport,
                     ServerTransactionLayer transactions, DialogTable dialogs, UasCore uas) {
        this.group = group;
        this.eventLoop = eventLoop;
        this.transport = transport;
        this.transactions = transactions;
        this.dialogs = dialogs;
        this.uas = uas;
    }

    /**
     * Binds the transport and starts the stack.
     * @param ioExecutor runs each Netty event loop (one long-running task per loop); null for Netty's own threads
     * @throws java.net.BindException naming address and port when the port is taken
     */
    public static SipStack start(SipStackConfig config, Executor ioExecutor, UserAgentListener listener) throws IOException {
        InetSocketAddress bindAddress = new InetSocketAddress(config.bindAddress(), config.port());
        if (bindAddress.isUnresolved()) {
            throw new UnknownHostException("cannot resolve bindAddress " + config.bindAddress());
        }
        EventLoopGroup group = new NioEventLoopGroup(1, ioExecutor);
        EventLoop eventLoop = group.next();
        SipTimers timers = new SipTimers(config.t1().toMillis(), config.t2().toMillis(), config.t4().toMillis());
        EventLoopTimerScheduler scheduler = new EventLoopTimerScheduler(eventLoop);
        UdpTransport transport = new UdpTransport();
        DialogTable dialogs = new DialogTable();
        UasCore uas = new UasCore(new UasSetup(eventLoop, scheduler, timers, listener, dialogs, transport::localAddress));
        ServerTransactionLayer transactions = new ServerTransactionLayer(transport::send, scheduler, timers, uas);
        try {
            transport.bind(group, bindAddress, transactions::onRequest);
        } catch (IOException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly();
            throw e;
        }
        return new SipStack(group, eventLoop, transport, transactions, dialogs, uas);
    }

    public InetSocketAddress localAddress() {
        return transport.localAddress();
    }

    public SipStackStats stats() {
        return new SipStackStats(transactions.size(), dialogs.size(), uas.liveCalls(),
                transport.counters().messagesReceived(), transport.counters().malformedMessages());
    }

    /**
     * Closes the socket, ends live calls with SHUTDOWN, cancels timers, stops the event loop and waits for it.
     * Must not be called on the stack's own event loop (it would wait for itself).
     */
    @Override
    public void close() {
        if (eventLoop.inEventLoop()) {
            throw new IllegalStateException("SipStack.close() must not be called on the stack's event loop");
        }
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        transport.close();
        eventLoop.submit(() -> {
            uas.shutdown();
            transactions.shutdown();
        }).awaitUninterruptibly();
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly();
    }
}
