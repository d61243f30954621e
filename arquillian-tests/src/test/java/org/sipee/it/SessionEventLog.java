package org.sipee.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.sipee.session.MediaStateChanged;
import org.sipee.session.SessionCreated;
import org.sipee.session.SessionStateChanged;
import org.sipee.session.SessionTerminated;

/** Observes the session CDI events as an application would, one line per event, per Call-ID. */
@ApplicationScoped
public class SessionEventLog {

    private final Map<String, List<String>> byCall = new ConcurrentHashMap<>();

    void created(@Observes SessionCreated event) {
        log(event.call().callId(), "created " + event.call().requestUri());
    }

    void state(@Observes SessionStateChanged event) {
        log(event.call().callId(), "state " + event.from() + " -> " + event.to());
    }

    void media(@Observes MediaStateChanged event) {
        log(event.call().callId(), "media " + event.from() + " -> " + event.to());
    }

    void terminated(@Observes SessionTerminated event) {
        log(event.ended().callId(), "terminated " + event.ended().reason());
    }

    public List<String> of(String callId) {
        return byCall.getOrDefault(callId, List.of());
    }

    private void log(String callId, String line) {
        byCall.computeIfAbsent(callId, id -> new CopyOnWriteArrayList<>()).add(line);
    }
}
