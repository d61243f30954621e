package org.sipee.session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.sipee.media.ConferenceListener;
import org.sipee.media.ConferenceParticipant;
import org.sipee.media.MediaConference;

/**
 * A conference room of {@link ConferenceRooms}: every member hears the sum of the others and never itself, mixed
 * clipping-safe by the engine. A call leaves by {@link #leave}, by ending, or by playing something else (a tone, a
 * file, a bridge); the room closes when its last member leaves. With media events on, the adapter publishes
 * ConferenceJoined, ConferenceLeft and ConferenceTalking for it. Thread-safe.
 */
public final class ConferenceRoom {

    private static final Logger LOG = Logger.getLogger(ConferenceRoom.class.getName());

    private record Member(BaseSession session, ConferenceParticipant participant) {
    }

    private final String name;
    private final MediaConference media;
    private final Consumer<ConferenceRoom> onClosed;
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private boolean closed;

    ConferenceRoom(String name, EngineAccess engine, Consumer<ConferenceRoom> onClosed) {
        this.name = name;
        this.onClosed = onClosed;
        this.media = engine.apply(c -> c.conference(name, new MemberChanges()));
    }

    public String name() {
        return name;
    }

    /** The Call-IDs of the members. */
    public List<String> participants() {
        return List.copyOf(members.keySet());
    }

    public int size() {
        return members.size();
    }

    /** False once the last member left: join a new room of the same name through {@link ConferenceRooms}. */
    public synchronized boolean isOpen() {
        return !closed;
    }

    /**
     * Adds the call: from the next 20 ms on it hears the others and they hear it; what it played (a tone, a bridge)
     * stops. A call already here stays.
     *
     * @throws IllegalStateException when the room is closed or the call has no media stream
     */
    public synchronized void join(Call call) {
        if (closed) {
            throw new IllegalStateException("conference room " + name + " is closed");
        }
        BaseSession session = (BaseSession) call;
        if (!members.containsKey(session.callId())) {
            ConferenceParticipant participant = media.join(session.callId(), session.media.stream());
            members.put(session.callId(), new Member(session, participant));
            LOG.fine(() -> session.callId() + " joined conference " + name);
        }
    }

    /** Takes the call out (it then plays nothing); false when it was not a member. The last one out closes the room. */
    public boolean leave(Call call) {
        Member member = members.get(call.callId());
        if (member == null) {
            return false;
        }
        media.leave(member.session().media.stream());
        removed(call.callId());
        return true;
    }

    /** A muted member is not heard (it still hears the others). */
    public void mute(Call call, boolean muted) {
        member(call).participant().mute(muted);
    }

    public boolean isMuted(Call call) {
        return member(call).participant().muted();
    }

    /** Whether the member is talking now (level and time hysteresis, the same as the ConferenceTalking events). */
    public boolean isTalking(Call call) {
        return member(call).participant().talking();
    }

    private Member member(Call call) {
        Member member = members.get(call.callId());
        if (member == null) {
            throw new IllegalArgumentException("call " + call.callId() + " is not in conference room " + name);
        }
        return member;
    }

    private synchronized void removed(String callId) {
        if (members.remove(callId) != null && members.isEmpty() && !closed) {
            close();
            onClosed.accept(this);
            LOG.fine(() -> "conference room " + name + " closed: its last member left");
        }
    }

    /** Every member leaves and the mixer stops. */
    synchronized void close() {
        closed = true;
        members.clear();
        media.close();
    }

    /** The engine's membership reports: a member whose stream closed or played something else has left. */
    private final class MemberChanges implements ConferenceListener {

        @Override
        public void left(ConferenceParticipant participant) {
            Member member = members.get(participant.id());
            if (member != null) { // on the stream's event loop: the bookkeeping runs on the call's worker
                member.session().followUps().execute(() -> removed(participant.id()));
            }
        }

        @Override
        public void talking(ConferenceParticipant participant, boolean talking) {
            LOG.finest(() -> participant.id() + (talking ? " talks" : " is silent") + " in " + name);
        }
    }

    @Override
    public String toString() {
        return "ConferenceRoom[" + name + ", " + members.size() + " members]";
    }
}
