package org.sipee.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import org.sipee.sip.dialog.DialogTable;
import org.sipee.sip.transaction.ClientTransactionLayer;
import org.sipee.sip.transaction.EventLoopTimerScheduler;
import org.sipee.sip.transaction.ServerTransactionLayer;
import org.sipee.sip.transaction.SipTimers;
import org.sipee.sip.transport.SipTransports;
import org.sipee.sip.transport.UdpTransport;
import org.sipee.sip.ua.UacSetup;
import org.sipee.sip.ua.UasCore;
import org.sipee.sip.ua.UasSetup;
import org.sipee.sip.ua.UserAgent;
import org.sipee.sip.ua.UserAgentListener;

/**
 * A whole UA (UAS and UAC cores) on UDP 127.0.0.1, port 0, wired exactly as SipStack is to wire the client side:
 * one dialog table and one client transaction layer shared by both cores, responses from the transport to the
 * client transactions.
 */
final class UaNode implements AutoCloseable {

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final EventLoop loop = group.next();
    private final SipTransports transports = new SipTransports(List.of(new UdpTransport()));
    private final ServerTransactionLayer serverTransactions;
    private final ClientTransactionLayer clientTransactions;
    private final UasCore uas;
    final UserAgent uac;

    UaNode(SipTimers timers, UserAgentListener listener) throws IOException {
        EventLoopTimerScheduler scheduler = new EventLoopTimerScheduler(loop);
        DialogTable dialogs = new DialogTable();
        clientTransactions = new ClientTransactionLayer(transports::sendRequest, scheduler, timers, transports::localAddress);
        uas = new UasCore(new UasSetup(loop, scheduler, timers, listener, dialogs, transports::localAddress, clientTransactions));
        uac = new UserAgent(new UacSetup(loop, scheduler, timers, clientTransactions, dialogs, transports::localAddress));
        serverTransactions = new ServerTransactionLayer(transports::sendResponse, scheduler, timers, uas);
        try {
            transports.bind(group, new InetSocketAddress("127.0.0.1", 0), serverTransactions::onRequest,
                    clientTransactions::onResponse);
        } catch (IOException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly();
            throw e;
        }
    }

    InetSocketAddress address() {
        return transports.localAddress();
    }

    String uri(String user) {
        return "sip:" + user + "@127.0.0.1:" + address().getPort();
    }

    @Override
    public void close() {
        transports.close();
        loop.submit(() -> {
            uac.shutdown();
            uas.shutdown();
            serverTransactions.shutdown();
            clientTransactions.shutdown();
        }).awaitUninterruptibly();
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly();
    }
}
