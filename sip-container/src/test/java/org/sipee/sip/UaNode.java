package org.sipee.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.sipee.sip.transaction.SipTimers;
import org.sipee.sip.ua.UaPolicy;
import org.sipee.sip.ua.UserAgent;
import org.sipee.sip.ua.UserAgentListener;

/** A whole UA (UAS and UAC cores): a SipStack on UDP 127.0.0.1, port 0, with the given timers and policy. */
public final class UaNode implements AutoCloseable {

    private final SipStack stack;
    public final UserAgent uac;

    public UaNode(SipTimers timers, UserAgentListener listener) throws IOException {
        this(timers, UaPolicy.DEFAULTS, listener);
    }

    public UaNode(SipTimers timers, UaPolicy policy, UserAgentListener listener) throws IOException {
        SipStackConfig config = new SipStackConfig("127.0.0.1", 0, Duration.ofMillis(timers.t1()),
                Duration.ofMillis(timers.t2()), Duration.ofMillis(timers.t4()))
                .withTransports(List.of("UDP")).withUa(policy);
        stack = SipStack.start(config, null, listener);
        uac = stack.userAgent();
    }

    public InetSocketAddress address() {
        return stack.localAddress();
    }

    public String uri(String user) {
        return "sip:" + user + "@127.0.0.1:" + address().getPort();
    }

    @Override
    public void close() {
        stack.close();
    }
}
