package org.sipee.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** The live call sessions of this application, by Call-ID. */
@ApplicationScoped
public class SessionRegistry {

    private final Map<String, CallSession> sessions = new ConcurrentHashMap<>();

    public Optional<IncomingCall> find(String callId) {
        return Optional.ofNullable(sessions.get(callId));
    }

    public List<IncomingCall> list() {
        return List.copyOf(sessions.values());
    }

    public int size() {
        return sessions.size();
    }

    public boolean isEmpty() {
        return sessions.isEmpty();
    }

    void add(CallSession session) {
        sessions.put(session.callId(), session);
    }

    CallSession session(String callId) {
        return sessions.get(callId);
    }

    void remove(CallSession session) {
        sessions.remove(session.callId(), session);
    }

    List<CallSession> sessions() {
        return List.copyOf(sessions.values());
    }
}
