package org.sipee.media;

/** Told when a conference participant starts or stops talking; runs on the mixer tick's thread and must not block. */
@FunctionalInterface
public interface ConferenceTalkingListener {

    void talking(ConferenceParticipant participant, boolean talking);
}
