package org.sipee.media;

/**
 * What a {@link MediaConference} reports: members joining and leaving (by {@link MediaConference#leave}, or because
 * their stream closed or played something else), and talking from the mixer's tick. Called on the thread that made
 * the change or on the tick's thread; must not block.
 */
@FunctionalInterface
public interface ConferenceListener extends ConferenceTalkingListener {

    default void joined(ConferenceParticipant participant) {
    }

    default void left(ConferenceParticipant participant) {
    }
}
