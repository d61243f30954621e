package org.sipee.rar;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.sipee.media.ConferenceListener;
import org.sipee.media.ConferenceParticipant;
import org.sipee.rar.api.MediaEvents;

/**
 * A room's membership and talking as media events (a member's id is its Call-ID), then the application's own
 * listener. Called on the thread making the change or the mixer's tick: only builds events and hands them on.
 */
final class ConferenceEvents implements ConferenceListener {

    private final String room;
    private final ConferenceListener application;
    private final Consumer<MediaEvent> out;
    private final AtomicInteger participants = new AtomicInteger();

    ConferenceEvents(String room, ConferenceListener application, Consumer<MediaEvent> out) {
        this.room = room;
        this.application = application;
        this.out = out;
    }

    @Override
    public void joined(ConferenceParticipant participant) {
        out.accept(MediaEvent.membership(MediaEvents.CONFERENCE_JOINED, room, participant.id(), participants.incrementAndGet()));
        application.joined(participant);
    }

    @Override
    public void left(ConferenceParticipant participant) {
        out.accept(MediaEvent.membership(MediaEvents.CONFERENCE_LEFT, room, participant.id(), participants.decrementAndGet()));
        application.left(participant);
    }

    @Override
    public void talking(ConferenceParticipant participant, boolean talking) {
        out.accept(MediaEvent.talking(room, participant.id(), talking));
        application.talking(participant, talking);
    }
}
