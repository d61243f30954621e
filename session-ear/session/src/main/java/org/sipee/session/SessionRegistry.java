package org.sipee.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** The live call sessions of this application, incoming and outgoing, by Call-ID. */
@ApplicationScoped
public class SessionRegistry {

    private final Map<String, BaseSession> sessions = new ConcurrentHashMap<>();

    /** An incoming call still in progress. */
    public Optional<IncomingCall> find(String callId) {
        return sessions.get(callId) instanceof CallSession incoming ? Optional.of(incoming) : Optional.empty();
    }

    /** A call the application placed (its Call-ID is what {@code SipConnection.dial} returned), still in progress. */
    public Optional<OutgoingCall> findOutgoing(String callId) {
        return sessions.get(callId) instanceof OutboundSession outgoing ? Optional.of(outgoing) : Optional.empty();
    }

    public List<Call> list() {
        return List.copyOf(sessions.values());
    }

    public int size() {
        return sessions.size();
    }

    public boolean isEmpty() {
        return sessions.isEmpty();
    }

    void add(BaseSession session) {
        sessions.put(session.callId(), session);
    }

    BaseSession session(String callId) {
        return sessions.get(callId);
    }

    void remove(BaseSession session) {
        sessions.remove(session.callId(), session);
    }

    List<BaseSession> sessions() {
        return List.copyOf(sessions.values());
    }
}
