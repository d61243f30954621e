package org.sipee.session;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executor;

import javax.naming.Reference;

import org.sipee.media.ConferenceListener;
import org.sipee.media.MediaBridge;
import org.sipee.media.MediaConference;
import org.sipee.media.MediaEngine;
import org.sipee.media.RtpStream;
import org.sipee.rar.api.AnswerTimeout;
import org.sipee.rar.api.EngineStats;
import org.sipee.rar.api.ListenerRegistration;
import org.sipee.rar.api.SipApplicationListener;
import org.sipee.rar.api.SipConnection;
import org.sipee.rar.api.SipConnectionFactory;
import org.sipee.sdp.SdpAnswerer;
import org.sipee.sdp.SdpOfferer;
import org.sipee.sip.auth.UacCredentials;
import org.sipee.sip.ua.OutboundRegistration;

/**
 * The adapter's connection factory as a CallSession sees it in unit tests: media from a real engine,
 * follow-ups run inline. Registration, SIP address and stats belong to the coordinator and are refused.
 */
record MediaOnlyConnections(MediaEngine media, Duration mediaTimeout) implements SipConnectionFactory {

    MediaOnlyConnections(MediaEngine media) {
        this(media, Duration.ZERO);
    }

    @Override
    public SipConnection getConnection() {
        return new SipConnection() {
            @Override public ListenerRegistration register(SipApplicationListener listener) { throw new UnsupportedOperationException(); }
            @Override public String dial(String from, String to) { throw new UnsupportedOperationException(); }
            @Override public String dial(String from, String to, Object context) { throw new UnsupportedOperationException(); }
            @Override public String dial(String from, String to, Object context, UacCredentials credentials) { throw new UnsupportedOperationException(); }
            @Override public OutboundRegistration registerUpstream(OutboundRegistration.Settings settings) { throw new UnsupportedOperationException(); }
            @Override public MediaBridge bridge(String callIdA, RtpStream a, String callIdB, RtpStream b) { return media.bridge(a, b); }
            @Override public MediaConference conference(String room, ConferenceListener listener) { return media.conference(listener); }
            @Override public Executor callExecutor(String callId) { return Runnable::run; }
            @Override public RtpStream openStream() { return media.openStream(); }
            @Override public SdpAnswerer sdpAnswerer() { return new SdpAnswerer(media.advertisedAddress()); }
            @Override public SdpOfferer sdpOfferer() { return new SdpOfferer(media.advertisedAddress()); }
            @Override public Duration mediaTimeout() { return mediaTimeout; }
            @Override public AnswerTimeout answerTimeout() { return new AnswerTimeout(Duration.ZERO, 480); }
            @Override public int retryAfterSeconds() { return 5; }
            @Override public String advertisedAddress() { return media.advertisedAddress(); }
            @Override public InetSocketAddress sipAddress() { throw new UnsupportedOperationException(); }
            @Override public EngineStats stats() { throw new UnsupportedOperationException(); }
            @Override public void close() { }
        };
    }

    @Override public void setReference(Reference reference) { }
    @Override public Reference getReference() { return null; }
}
