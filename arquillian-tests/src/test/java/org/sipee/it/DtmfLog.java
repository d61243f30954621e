package org.sipee.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.session.Dtmf;
import org.sipee.session.DtmfReceived;

/** An application's @Dtmf handler: keeps the digits of each call. */
@ApplicationScoped
public class DtmfLog {

    private final Map<String, List<Character>> byCall = new ConcurrentHashMap<>();

    @Dtmf
    void digit(DtmfReceived dtmf) {
        byCall.computeIfAbsent(dtmf.call().callId(), id -> new CopyOnWriteArrayList<>()).add(dtmf.digit());
    }

    public List<Character> of(String callId) {
        return byCall.getOrDefault(callId, List.of());
    }
}
