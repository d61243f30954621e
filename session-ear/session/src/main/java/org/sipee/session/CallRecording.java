package org.sipee.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** A recording started by {@link Call#record(Path)}. */
public interface CallRecording {

    Path file();

    /** Stops recording; the returned stage is {@link #finished()}. Idempotent. */
    CompletionStage<Duration> stop();

    /** Completes with the recorded length once the file is complete: after stop() or the end of the call. */
    CompletionStage<Duration> finished();
}
