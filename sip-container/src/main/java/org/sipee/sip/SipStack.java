package org.sipee.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import org.sipee.sip.dialog.DialogTable;
import org.sipee.sip.overload.LoadProbe;
import org.sipee.sip.overload.LoopLag;
import org.sipee.sip.overload.OverloadGate;
import org.sipee.sip.transaction.EventLoopTimerScheduler;
import org.sipee.sip.transaction.ClientTransactionLayer;
import org.sipee.sip.transaction.RequestChannel;
import org.sipee.sip.transaction.ServerTransactionLayer;
import org.sipee.sip.transaction.SipTimers;
import org.sipee.sip.transport.SipTransports;
import org.sipee.sip.transport.TcpTransport;
import org.sipee.sip.transport.Transport;
import org.sipee.sip.transport.UdpTransport;
import org.sipee.sip.ua.UaPolicy;
import org.sipee.sip.ua.UacSetup;
import org.sipee.sip.ua.UasCore;
import org.sipee.sip.ua.UasSetup;
import org.sipee.sip.ua.UserAgent;
import org.sipee.sip.ua.UserAgentListener;

/**
 * Facade of the SIP engine: UDP and TCP transports, server and client transactions, dialogs, and the
 * UAS and UAC cores, all on one event loop.
 */
public final class SipStack implements AutoCloseable {

    private final EventLoopGroup group;
    private final EventLoop eventLoop;
    private final SipTransports transports;
    private final ServerTransactionLayer transactions;
    private final ClientTransactionLayer clientTransactions;
    private final DialogTable dialogs;
    private final UasCore uas;
    private final UserAgent uac;
    private final OverloadGate gate;
    private final LoopLag lag;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SipStack(EventLoopGroup group, EventLoop eventLoop, SipTransports transports,
                     ServerTransactionLayer transactions, ClientTransactionLayer clientTransactions,
                     DialogTable dialogs, UasCore uas, UserAgent uac, OverloadGate gate, LoopLag lag) {
        this.group = group;
        this.eventLoop = eventLoop;
        this.transports = transports;
        this.transactions = transactions;
        this.clientTransactions = clientTransactions;
        this.dialogs = dialogs;
        this.uas = uas;
        this.uac = uac;
        this.gate = gate;
        this.lag = lag;
    }

    /**
     * Binds the transports (all on the configured address and port) and starts the stack.
     * @param ioExecutor runs each Netty event loop (one long-running task per loop); null for Netty's own threads
     * @throws java.net.BindException naming transport, address and port when the port is taken
     */
    public static SipStack start(SipStackConfig config, Executor ioExecutor, UserAgentListener listener) throws IOException {
        return start(config, ioExecutor, listener, () -> 0, () -> Integer.MAX_VALUE);
    }

    /**
     * Like {@link #start(SipStackConfig, Executor, UserAgentListener)}, with the load of the layers above and beside
     * the stack ({@link OverloadGate}): their queued work counts towards the backlog that sheds new requests, and
     * without a free RTP port pair an INVITE gets 503.
     */
    public static SipStack start(SipStackConfig config, Executor ioExecutor, UserAgentListener listener,
                                 IntSupplier externalBacklog, IntSupplier freeMediaPairs) throws IOException {
        UaPolicy policy = config.ua(); // RFC 4028 / RFC 3262 options of both cores
        InetSocketAddress bindAddress = new InetSocketAddress(config.bindAddress(), config.port());
        if (bindAddress.isUnresolved()) {
            throw new UnknownHostException("cannot resolve bindAddress " + config.bindAddress());
        }
        EventLoopGroup group = new NioEventLoopGroup(1, ioExecutor);
        EventLoop eventLoop = group.next();
        SipTimers timers = new SipTimers(config.t1().toMillis(), config.t2().toMillis(), config.t4().toMillis());
        EventLoopTimerScheduler scheduler = new EventLoopTimerScheduler(eventLoop, SipStack::monotonicMillis);
        SipTransports transports = new SipTransports(transportsOf(config));
        DialogTable dialogs = new DialogTable();
        ClientTransactionLayer clientTransactions =
                new ClientTransactionLayer(transports::sendRequest, scheduler, timers, transports::localAddress);
        UasCore uas = new UasCore(new UasSetup(eventLoop, scheduler, timers, listener, dialogs,
                transports::localAddress, clientTransactions, policy));
        UserAgent uac = new UserAgent(new UacSetup(eventLoop, scheduler, timers, clientTransactions, dialogs,
                transports::localAddress, policy));
        LoopLag lag = eventLoop.submit(() -> new LoopLag(scheduler, SipStack::monotonicMillis)).syncUninterruptibly().getNow();
        OverloadGate gate = new OverloadGate(config.overload(), stackLoad(externalBacklog, freeMediaPairs, lag, eventLoop, uas, uac),
                SipStack::monotonicMillis, bound -> ThreadLocalRandom.current().nextInt(bound));
        ServerTransactionLayer transactions = new ServerTransactionLayer(transports::sendResponse, scheduler, timers, uas, gate);
        try {
            // §18.1.2, §18.2.1: requests go to the server transactions, responses to the client transactions
            transports.bind(group, bindAddress, transactions::onRequest, clientTransactions::onResponse);
        } catch (IOException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly();
            throw e;
        }
        return new SipStack(group, eventLoop, transports, transactions, clientTransactions, dialogs, uas, uac, gate, lag);
    }

    private static long monotonicMillis() {
        return System.nanoTime() / 1_000_000;
    }

    /** The external backlog plus the event loop's own queued tasks; the calls of both cores. */
    private static LoadProbe stackLoad(IntSupplier externalBacklog, IntSupplier freeMediaPairs, LoopLag lag,
                                       EventLoop loop, UasCore uas, UserAgent uac) {
        SingleThreadEventLoop tasks = (SingleThreadEventLoop) loop;
        return new LoadProbe() {
            @Override public int backlog() { return externalBacklog.getAsInt() + tasks.pendingTasks(); }
            @Override public long loopLagMillis() { return lag.millis(); }
            @Override public int calls() { return uas.liveCalls() + uac.liveCalls(); }
            @Override public int freeMediaPairs() { return freeMediaPairs.getAsInt(); }
        };
    }

    private static List<Transport> transportsOf(SipStackConfig config) {
        List<Transport> list = new ArrayList<>();
        for (String name : config.transports()) {
            list.add(switch (name) {
                case "UDP" -> new UdpTransport();
                case "TCP" -> new TcpTransport(config.tcpIdleTimeout(), config.t1().multipliedBy(64));
                default -> throw new IllegalArgumentException("transports: no implementation of " + name);
            });
        }
        return list;
    }

    /** The address and port every transport is bound to. */
    public InetSocketAddress localAddress() {
        return transports.localAddress();
    }

    /** The transport layer: sendRequest/sendResponse, the transports by name. */
    public SipTransports transports() {
        return transports;
    }

    /** For client transactions (§17.1): picks UDP or TCP, rewrites the top Via, reports reliability and errors. */
    public RequestChannel requestChannel() {
        return transports::sendRequest;
    }

    /** The UAC core: places outbound calls (§8.1, §13.2). */
    public UserAgent userAgent() {
        return uac;
    }

    public SipStackStats stats() {
        return new SipStackStats(transactions.size(), clientTransactions.size(), dialogs.size(),
                uas.liveCalls() + uac.liveCalls(),
                transports.counters().messagesReceived(), transports.counters().malformedMessages(),
                transports.connections(), gate.refusals(), gate.shedding());
    }

    /**
     * Closes every listener and connection, ends live calls with SHUTDOWN, cancels timers, stops the event loop
     * and waits for it. Must not be called on the stack's own event loop (it would wait for itself).
     */
    @Override
    public void close() {
        if (eventLoop.inEventLoop()) {
            throw new IllegalStateException("SipStack.close() must not be called on the stack's event loop");
        }
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        transports.close();
        eventLoop.submit(() -> {
            uac.shutdown();
            uas.shutdown();
            transactions.shutdown();
            lag.close();
            clientTransactions.shutdown();
        }).awaitUninterruptibly();
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly();
    }
}
