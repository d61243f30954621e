package org.sipee.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.rar.api.SipConnectionFactory;

/**
 * The application's conference rooms by name: {@link #join} opens a room for its first member, and a room closes
 * (its mixer released) when its last member leaves. Inject it where calls are handled.
 */
@ApplicationScoped
public class ConferenceRooms {

    @Resource(lookup = "java:/sip/SipConnectionFactory")
    SipConnectionFactory connectionFactory;

    private final Map<String, ConferenceRoom> rooms = new ConcurrentHashMap<>();
    private EngineAccess engine;

    @PostConstruct
    void connect() {
        engine = new EngineAccess(connectionFactory);
    }

    /** Puts the call in the room {@code name}, opening it when it is not open (see {@link ConferenceRoom#join}). */
    public ConferenceRoom join(String name, Call call) {
        while (true) {
            ConferenceRoom room = rooms.computeIfAbsent(name, n -> new ConferenceRoom(n, engine, this::closed));
            try {
                room.join(call);
                return room;
            } catch (IllegalStateException closedMeanwhile) {
                if (room.isOpen()) {
                    throw closedMeanwhile; // the call has no stream
                }
                rooms.remove(name, room); // its last member left between the lookup and the join: a new room
            }
        }
    }

    public Optional<ConferenceRoom> find(String name) {
        return Optional.ofNullable(rooms.get(name));
    }

    /** The open rooms. */
    public List<ConferenceRoom> rooms() {
        return List.copyOf(rooms.values());
    }

    private void closed(ConferenceRoom room) {
        rooms.remove(room.name(), room);
    }

    /** The application is going away: every room closes (the calls themselves are ended by the coordinator). */
    @PreDestroy
    void closeAll() {
        rooms().forEach(ConferenceRoom::close);
        rooms.clear();
    }
}
