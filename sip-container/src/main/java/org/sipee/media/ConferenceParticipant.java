package org.sipee.media;

import java.util.function.Consumer;

/**
 * One participant of a {@link ConferenceMixer}, from join to leave: its input frames go in through
 * {@link #offer}, the mix of everyone else comes out to the output given at join. Offer, mute and the
 * getters may be called from any thread.
 */
public final class ConferenceParticipant {

    private final String id;
    private final ConferenceInput input = new ConferenceInput();
    private volatile boolean muted;
    private volatile boolean talking;
    private volatile boolean left;

    // The mixer tick's own state (guarded by the mixer's tick lock): buffers reused every tick.
    final Consumer<short[]> output;
    final short[] frame = new short[ToneGenerator.FRAME_SAMPLES];
    final short[] out = new short[ToneGenerator.FRAME_SAMPLES];
    final MixLimiter limiter = new MixLimiter();
    final ConferenceTalkDetector detector = new ConferenceTalkDetector();
    boolean contributes;
    boolean talkingChanged;

    ConferenceParticipant(String id, Consumer<short[]> output) {
        this.id = id;
        this.output = output;
    }

    /** The label given at join, e.g. a Call-ID, for events and logs. */
    public String id() {
        return id;
    }

    /**
     * Hands in this participant's next 20 ms frame (160 samples of 8 kHz PCM), typically from its stream's
     * onAudio on the stream's event loop. Copied, so the array may be reused. Each tick takes one frame;
     * a tick with none hears this participant as silent.
     */
    public void offer(short[] frame) {
        input.offer(frame);
    }

    /** True: the others no longer hear this participant (who still hears them); false: heard again from the next tick. */
    public void mute(boolean muted) {
        this.muted = muted;
    }

    public boolean muted() {
        return muted;
    }

    /** Whether this participant is talking, as last reported to the mixer's listener (a muted one is not). */
    public boolean talking() {
        return talking;
    }

    /** Frames dropped from the input queue to keep the delay bounded (a burst after a stalled loop). */
    public long framesDropped() {
        return input.dropped();
    }

    boolean left() {
        return left;
    }

    void markLeft() {
        left = true;
    }

    /** Takes this tick's input into {@link #frame}; sets {@link #contributes} and returns the frame's energy as heard. */
    long takeInput() {
        boolean got = input.poll(frame); // drained even when muted, so unmuting does not replay old frames
        contributes = got && !muted;
        return contributes ? ConferenceTalkDetector.energy(frame) : 0;
    }

    void updateTalking(long energy) {
        talkingChanged = detector.update(energy);
        talking = detector.talking();
    }

    @Override
    public String toString() {
        return "ConferenceParticipant[" + id + (muted ? ", muted" : "") + (talking ? ", talking" : "") + "]";
    }
}
