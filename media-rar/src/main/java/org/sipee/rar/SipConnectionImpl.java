package org.sipee.rar;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.sipee.media.ConferenceListener;
import org.sipee.media.MediaBridge;
import org.sipee.media.MediaConference;
import org.sipee.media.RtpStream;
import org.sipee.rar.api.AnswerTimeout;
import org.sipee.rar.api.EngineStats;
import org.sipee.rar.api.ListenerRegistration;
import org.sipee.rar.api.MediaEventsConfig;
import org.sipee.rar.api.SipApplicationListener;
import org.sipee.rar.api.SipConnection;
import org.sipee.rar.api.SipSecurity;
import org.sipee.sdp.SdpAnswerer;
import org.sipee.sip.auth.UacCredentials;
import org.sipee.sip.ua.OutboundRegistration;
import org.sipee.sdp.SdpOfferer;

/** The handle an application holds; every call goes to the engine of its managed connection. */
public class SipConnectionImpl implements SipConnection {

    private volatile SipManagedConnection managedConnection;
    private volatile boolean closed;

    SipConnectionImpl(SipManagedConnection managedConnection) {
        this.managedConnection = managedConnection;
    }

    @Override
    public ListenerRegistration register(SipApplicationListener listener) {
        return engine().router.register(listener);
    }

    @Override
    public String dial(String from, String to) {
        return dial(from, to, null);
    }

    @Override
    public String dial(String from, String to, Object context) {
        return dial(from, to, context, null);
    }

    @Override
    public String dial(String from, String to, Object context, UacCredentials credentials) {
        Engine engine = engine();
        return engine.router.dial(from, to, context, credentials, engine.sip.userAgent());
    }

    @Override
    public OutboundRegistration registerUpstream(OutboundRegistration.Settings settings) {
        return engine().sip.userAgent().register(settings, new UpstreamRegistrationLog(settings));
    }

    @Override
    public MediaBridge bridge(String callIdA, RtpStream a, String callIdB, RtpStream b) {
        return engine().bridge(callIdA, a, callIdB, b);
    }

    @Override
    public MediaConference conference(String room, ConferenceListener listener) {
        return engine().conference(room, listener);
    }

    @Override
    public Executor callExecutor(String callId) {
        return engine().router.executorFor(callId);
    }

    @Override
    public RtpStream openStream() {
        return engine().media.openStream();
    }

    @Override
    public RtpStream openStream(String callId) {
        return engine().openStream(callId);
    }

    @Override
    public Optional<MediaEventsConfig> mediaEvents() {
        return engine().mediaEvents;
    }

    @Override
    public Optional<ListenerRegistration> listenMediaEvents(Consumer<Map<String, Object>> listener) {
        return engine().listenMediaEvents(listener);
    }

    @Override
    public Optional<SipSecurity> security() {
        return engine().security;
    }

    @Override
    public SdpAnswerer sdpAnswerer() {
        return engine().answerer;
    }

    @Override
    public SdpOfferer sdpOfferer() {
        return engine().offerer;
    }

    @Override
    public Duration mediaTimeout() {
        return engine().mediaTimeout;
    }

    @Override
    public AnswerTimeout answerTimeout() {
        return engine().answerTimeout;
    }

    @Override
    public int retryAfterSeconds() {
        return engine().retryAfterSeconds;
    }

    @Override
    public String advertisedAddress() {
        return engine().media.advertisedAddress();
    }

    @Override
    public InetSocketAddress sipAddress() {
        return engine().sip.localAddress();
    }

    @Override
    public EngineStats stats() {
        return engine().stats();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            managedConnection.handleClosed(this);
        }
    }

    SipManagedConnection managedConnection() {
        return managedConnection;
    }

    void associate(SipManagedConnection connection) {
        this.managedConnection = connection;
    }

    /** The pool cleaned the managed connection up under us. */
    void invalidate() {
        closed = true;
    }

    private Engine engine() {
        if (closed) {
            throw new IllegalStateException("this SipConnection is closed");
        }
        return managedConnection.engine();
    }
}
