package org.sipee.media;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Test rig: a mixer whose participants send tones (or nothing) and record what they hear. */
final class ConferenceRoom {

    final ConferenceMixer mixer;

    ConferenceRoom(ConferenceMixer mixer) {
        this.mixer = mixer;
    }

    /** A participant sending a tone at {@code dbfs} (frequency 0: sends nothing), recording its output. */
    Member join(String id, double frequencyHz, double dbfs) {
        Heard heard = new Heard();
        ConferenceParticipant p = mixer.join(id, heard);
        return new Member(p, frequencyHz > 0 ? new ToneGenerator(frequencyHz, dbfs) : null, heard);
    }

    /** Every member sends its next frame, then the mixer ticks; {@code n} times. */
    void run(int n, Member... members) {
        for (int t = 0; t < n; t++) {
            for (Member m : members) {
                if (m.tone != null) {
                    m.participant.offer(m.tone.nextFrame());
                }
            }
            mixer.tick();
        }
    }

    record Member(ConferenceParticipant participant, ToneGenerator tone, Heard heard) {
    }

    /** Copies of the frames a participant was given (the mixer reuses its array). */
    static final class Heard implements Consumer<short[]> {
        final List<short[]> frames = new ArrayList<>();

        @Override
        public synchronized void accept(short[] frame) {
            frames.add(frame.clone());
        }

        synchronized int count() {
            return frames.size();
        }

        /** The last {@code n} frames as one block (for Goertzel). */
        synchronized short[] last(int n) {
            short[] out = new short[n * ToneGenerator.FRAME_SAMPLES];
            for (int i = 0; i < n; i++) {
                System.arraycopy(frames.get(frames.size() - n + i), 0, out, i * ToneGenerator.FRAME_SAMPLES,
                        ToneGenerator.FRAME_SAMPLES);
            }
            return out;
        }
    }

    /** Power of {@code hz} in dB relative to a full-scale sine over the same block: 0 = full scale. */
    static double levelDb(short[] block, double hz) {
        double fullScale = Math.pow(32767.0 * block.length / 2, 2);
        return 10 * Math.log10(Math.max(Goertzel.power(block, hz), 1e-9) / fullScale);
    }
}
