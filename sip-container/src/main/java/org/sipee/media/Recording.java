package org.sipee.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** A recording of a stream's received audio into a WAV file, started by {@link RtpStream#record(Path)}. */
public interface Recording {

    /** Audio recorded so far. */
    Duration recorded();

    /**
     * Stops recording and completes the file (8 kHz mono 16-bit PCM). Does blocking file I/O on the calling
     * thread: never call it on an event loop. Also call it after the stream was closed. Idempotent.
     *
     * @return the length of the recording
     */
    Duration stop() throws IOException;

    Path file();
}
