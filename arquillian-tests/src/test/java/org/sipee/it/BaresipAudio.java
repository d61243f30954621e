package org.sipee.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.sipee.media.WavFile;

/**
 * The audio one phone's calls had, as baresip's sndfile filter dumps it into the phone's folder: per call a
 * dump-YYYY-MM-DD-hh-mm-ss-dec.wav (what it received, decoded) and -enc.wav (what it sent, before encoding), 8 kHz
 * mono because only G.711 is loaded.
 */
final class BaresipAudio {

    private final BaresipSettings settings;
    private final BaresipOutput output;

    BaresipAudio(BaresipSettings settings, BaresipOutput output) {
        this.settings = settings;
        this.output = output;
    }

    /** Deletes the dumps in dir: a reused folder must not hand back an earlier call's audio. */
    static void clear(Path dir) throws IOException {
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : (Iterable<Path>) old::iterator) {
                if (p.getFileName().toString().startsWith("dump-")) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * Waits until the latest call's received-audio file holds at least {@code audio} (sndfile writes 16 bytes per ms
     * as the packets are decoded): a bounded wait for "it has been talking for a while" instead of a sleep.
     */
    void awaitReceived(Duration audio, Duration timeout) {
        long bytes = 44 + 16 * audio.toMillis();
        Poll.until(settings.aor() + " receiving " + audio.toMillis() + " ms of audio",
                () -> latest("dec").map(BaresipAudio::size).orElse(0L) >= bytes,
                () -> "(" + latest("dec").map(BaresipAudio::size).orElse(0L) + " bytes)" + output.quotes(), timeout);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }

    /** The samples of the latest call's "dec" (received) or "enc" (sent) dump. */
    short[] read(String direction) {
        Path file = latest(direction).orElseThrow(() -> new AssertionError(settings.aor() + ": no " + direction
                + " audio in " + settings.folder() + " (no call had media)" + output.quotes()));
        try {
            return WavFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The timestamp in sndfile's names orders them in time. */
    private Optional<Path> latest(String direction) {
        try (Stream<Path> files = Files.list(settings.folder().toAbsolutePath())) {
            return files.filter(p -> p.getFileName().toString().matches("dump-.*-" + direction + "\\.wav"))
                    .max(Path::compareTo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
