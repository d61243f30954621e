package org.sipee.media;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A conference room on the engine's streams: each member stream's played-out audio goes into the
 * {@link ConferenceMixer}, and the member's mix (everyone else) goes out on the stream through a {@link FrameFeed},
 * encoded with the stream's own codec. A member leaves by {@link #leave}, or by its stream closing or playing
 * something else. Thread-safe; join and leave from any thread.
 */
public final class MediaConference implements AutoCloseable {

    private record Member(ConferenceParticipant participant, FrameFeed feed, Consumer<short[]> input) {
    }

    private final ConferenceMixer mixer;
    private final ConferenceClock clock;
    private final ConferenceListener listener;
    private final Map<RtpStream, Member> members = new ConcurrentHashMap<>();

    MediaConference(ConferenceClock clock, ConferenceListener listener) {
        this.mixer = new ConferenceMixer(listener);
        this.clock = clock;
        this.listener = listener;
        clock.add(mixer);
    }

    /**
     * Adds an open, connected stream: it hears the others from the next tick on and replaces what it played.
     *
     * @param id a label for talking events, e.g. the call's Call-ID
     */
    public ConferenceParticipant join(String id, RtpStream stream) {
        FrameFeed feed = stream.playFeed();
        ConferenceParticipant participant = mixer.join(id, mix -> feed.offer(mix.clone())); // the mixer reuses mix
        Member member = new Member(participant, feed, participant::offer);
        members.put(stream, member);
        stream.onAudio(member.input());
        listener.joined(participant);
        feed.ended().thenRun(() -> leave(stream)); // the stream closed or played something else
        return participant;
    }

    /** Takes the stream out: no longer heard, hears nothing more from the room. False when it was not a member. */
    public boolean leave(RtpStream stream) {
        Member member = members.remove(stream);
        if (member == null) {
            return false;
        }
        stream.removeAudioListener(member.input());
        mixer.leave(member.participant());
        member.feed().close();
        listener.left(member.participant());
        return true;
    }

    public List<ConferenceParticipant> participants() {
        return mixer.participants();
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** Every member leaves and the room stops ticking. */
    @Override
    public void close() {
        List.copyOf(members.keySet()).forEach(this::leave);
        clock.remove(mixer);
    }
}
