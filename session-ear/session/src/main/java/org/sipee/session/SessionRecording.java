package org.sipee.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.sipee.media.Recording;

/** A call's recording: stopped by the application or, at the latest, when the call's media is released. */
final class SessionRecording implements CallRecording {

    private final Recording recording;
    private final CompletableFuture<Duration> finished = new CompletableFuture<>();

    SessionRecording(Recording recording) {
        this.recording = recording;
    }

    @Override
    public Path file() {
        return recording.file();
    }

    /** Completes the file on the calling thread (an application or adapter worker, never an event loop). */
    @Override
    public synchronized CompletionStage<Duration> stop() {
        if (!finished.isDone()) {
            try {
                finished.complete(recording.stop());
            } catch (IOException e) {
                finished.completeExceptionally(new UncheckedIOException("cannot complete " + file() + ": " + e.getMessage(), e));
            }
        }
        return finished;
    }

    @Override
    public CompletionStage<Duration> finished() {
        return finished;
    }
}
