package org.sipee.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** The notes of each ended call, as its {@link CallNotes} instance left them when it was destroyed. */
@ApplicationScoped
public class CallNotesLog {

    private final Map<String, List<String>> ended = new ConcurrentHashMap<>();

    void keep(String callId, List<String> notes) {
        ended.put(callId, notes);
    }

    public List<String> of(String callId) {
        return ended.get(callId);
    }
}
