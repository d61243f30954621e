package org.sipee.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

/** The media events {@link MediaEventMdb} received, as their message properties, per Call-ID in arrival order. */
@ApplicationScoped
public class MediaEventLog {

    private final Map<String, List<Map<String, Object>>> byCall = new ConcurrentHashMap<>();

    void add(Map<String, Object> properties) {
        byCall.computeIfAbsent(String.valueOf(properties.get("callId")), id -> new CopyOnWriteArrayList<>()).add(properties);
    }

    public List<Map<String, Object>> of(String callId) {
        return List.copyOf(byCall.getOrDefault(callId, List.of()));
    }

    /** The types in arrival order, e.g. [MediaStarted, DtmfReceived, ...]. */
    public List<String> types(String callId) {
        return of(callId).stream().map(p -> String.valueOf(p.get("sipeeEvent"))).toList();
    }

    public List<Map<String, Object>> of(String callId, String type) {
        return of(callId).stream().filter(p -> type.equals(p.get("sipeeEvent"))).toList();
    }
}
