package org.sipee.sip.ua;

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

/** A whole UA (both cores) on UDP 127.0.0.1, port 0, wired as SipStack wires it, for end-to-end tests. */
final class UaPeer implements AutoCloseable {

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final EventLoop loop = group.next();
    private final SipTransports transports = new SipTransports(List.of(new UdpTransport()));
    private final ServerTransactionLayer serverTransactions;
    private final ClientTransactionLayer clientTransactions;
    private final UasCore uas;
    final UserAgent uac;

    UaPeer(SipTimers timers, UaPolicy policy, UserAgentListener listener) throws IOException {
        EventLoopTimerScheduler scheduler = new EventLoopTimerScheduler(loop);
        DialogTable dialogs = new DialogTable();
        clientTransactions = new ClientTransactionLayer(transports::sendRequest, scheduler, timers, transports::localAddress);
        uas = new UasCore(new UasSetup(loop, scheduler, timers, listener, dialogs, transports::localAddress,
                clientTransactions, policy));
        uac = new UserAgent(new UacSetup(loop, scheduler, timers, clientTransactions, dialogs, transports::localAddress, policy));
        serverTransactions = new ServerTransactionLayer(transports::sendResponse, scheduler, timers, uas);
        try {
            transports.bind(group, new InetSocketAddress("127.0.0.1", 0), serverTransactions::onRequest,
                    clientTransactions::onResponse);
        } catch (IOException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly();
            throw e;
        }
    }

    String uri(String user) {
        return "sip:" + user + "@127.0.0.1:" + transports.localAddress().getPort();
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
