package org.sipee.it;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The lines one baresip process printed, as {@link BaresipTrace} cleaned them, and the harness's own ("> command",
 * "harness: ..."): kept for the waits, and written to baresip.log in the phone's folder for people. Every wait is
 * bounded and ends as soon as the output has ended. All state is guarded by {@code lines}.
 */
final class BaresipOutput {

    private static final int QUOTED_LINES = 40;

    private final BaresipSettings settings;
    private final Path logFile;
    private final Writer log;
    private final List<String> lines = new ArrayList<>();
    /** Per event, how many lines the waits for it have used up: each wait returns the next occurrence. */
    private final Map<BaresipEvent, Integer> consumed = new EnumMap<>(BaresipEvent.class);
    /** Set once its output has ended: nothing more can come. */
    private volatile boolean ended;

    /** Opens (truncates) baresip.log in the phone's folder, which must exist. */
    BaresipOutput(BaresipSettings settings) throws IOException {
        this.settings = settings;
        this.logFile = settings.folder().toAbsolutePath().resolve("baresip.log");
        this.log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
    }

    /** Its log (password masked: the lines come cleaned). */
    Path logFile() {
        return logFile;
    }

    /** One line for the waits and the log. */
    void record(String line) {
        synchronized (lines) {
            lines.add(line);
            try {
                log.write(line);
                log.write('\n');
                log.flush();
            } catch (IOException ignored) {
                // the log is for people; the lines in memory are what the waits use
            }
            lines.notifyAll();
        }
    }

    /** Nothing more will come: the waits fail at once instead of waiting out their timeout. */
    void end() {
        synchronized (lines) {
            ended = true;
            lines.notifyAll();
        }
    }

    /** Waits for the next occurrence of an event after the last one a wait returned. */
    String await(BaresipEvent event, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int i = indexOf(event.pattern, consumed.getOrDefault(event, 0), deadline,
                    () -> settings.aor() + ":" + settings.sipPort() + ": no " + event + " within " + timeout.toMillis()
                            + " ms" + (ended ? " (baresip exited)" : "") + quotes(),
                    "interrupted waiting for " + event);
            consumed.put(event, i + 1);
            return lines.get(i);
        }
    }

    /** Waits for any line so far or to come that matches (it consumes no event). */
    String awaitLine(Pattern pattern, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            return lines.get(indexOf(pattern, 0, deadline,
                    () -> settings.aor() + ": no line matching " + pattern + " within " + timeout.toMillis() + " ms"
                            + quotes(),
                    "interrupted waiting for " + pattern));
        }
    }

    /** The first line from {@code from} on that matches; the caller holds the monitor of lines, which wait frees. */
    private int indexOf(Pattern pattern, int from, long deadline, Supplier<String> failure, String interrupted) {
        while (true) {
            for (; from < lines.size(); from++) {
                if (pattern.matcher(lines.get(from)).find()) {
                    return from;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || ended) {
                throw new AssertionError(failure.get());
            }
            try {
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }

    /** The last lines, to end an assertion message with. */
    String quotes() {
        synchronized (lines) {
            List<String> tail = lines.subList(Math.max(0, lines.size() - QUOTED_LINES), lines.size());
            return "\n--- " + logFile + " (end) ---\n" + String.join("\n", tail);
        }
    }

    /** Closes the log, under the lock so that no line is being written to it. */
    void close() {
        synchronized (lines) {
            try {
                log.close();
            } catch (IOException ignored) {
                // best effort: the log is for people
            }
        }
    }
}
