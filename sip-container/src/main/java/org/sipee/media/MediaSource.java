package org.sipee.media;

/** Audio to send: 20 ms frames of 8 kHz 16-bit PCM, pulled by the stream's packet clock on its event loop. */
interface MediaSource {

    /** The next 160 samples, or null when the source has ended. Must not block. */
    short[] nextFrame();

    /** Called once when the source is replaced, stopped or the stream closes, or after it ended. */
    default void finished(boolean completed) {
    }
}
