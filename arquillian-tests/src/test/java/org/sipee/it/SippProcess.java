package org.sipee.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * SIPp (or sipp/run-scenarios.sh) as a child process of this JVM: the test client, or in-container the server, both
 * on this machine. Its output goes to files in its log folder under the system property {@code sipp.logs}; a
 * failure message quotes the end of the files that say what went wrong. Scenarios are found in {@code sipp.dir}.
 */
public final class SippProcess implements AutoCloseable {

    private static final int QUOTED_LINES = 40;

    private final String name;
    private final Process process;
    private final Path output;
    private final boolean summary;
    private final List<Path> evidence;

    private SippProcess(String name, Process process, Path output, boolean summary, List<Path> evidence) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.summary = summary;
        this.evidence = evidence;
    }

    /** The repository's sipp/ folder (scenarios and scripts). */
    public static File scenarioDir() {
        return new File(System.getProperty("sipp.dir", "../sipp")).getAbsoluteFile();
    }

    /** Where SIPp runs write their logs (one folder per run name). */
    public static Path logRoot() {
        return Path.of(System.getProperty("sipp.logs", "target/sipp-logs")).toAbsolutePath();
    }

    /**
     * Starts one SIPp run of {@code scenario} (a file of sipp/) against {@code target} as a caller, bound to
     * 127.0.0.1:{@code localPort} for SIP (SIPp's "-p 0" still tries 5060 first), in the folder
     * {@code sipp.logs}/{@code name}, which also holds its errors.log, screen.log (the final statistics) and stdout.log
     * (SIPp's screens, and why it stopped when it could not run).
     *
     * @param target  host:port to call, or null for SIPp as the callee (a UAS scenario)
     * @param options further SIPp options, e.g. "-s", "voicemail", "-m", "1"
     */
    public static SippProcess scenario(String name, String scenario, String target, int localPort, String... options) {
        File file = new File(scenarioDir(), scenario);
        if (!file.isFile()) {
            throw new AssertionError("no SIPp scenario " + file);
        }
        Path logs = logDir(name);
        List<String> command = new ArrayList<>(List.of("sipp"));
        if (target != null) {
            command.add(target);
        }
        command.addAll(List.of("-sf", file.getPath(),
                "-i", "127.0.0.1", "-p", Integer.toString(localPort), "-mi", "127.0.0.1",
                "-nostdin", "-timeout", "60s", "-timeout_error",
                "-trace_err", "-error_file", logs.resolve("errors.log").toString(),
                "-trace_screen", "-screen_file", logs.resolve("screen.log").toString()));
        command.addAll(List.of(options));
        return start(name, logs, Map.of(), command, false, logs.resolve("errors.log"), logs.resolve("stdout.log"));
    }

    /** Waits until the scenario's SIP port is bound (a callee must listen before we call it). */
    public SippProcess listening(int localPort) {
        Poll.until("SIPp listening on UDP " + localPort, () -> isBound(localPort), Duration.ofSeconds(10));
        return this;
    }

    /**
     * Whether a UDP socket is bound to the port, read from the kernel's socket table: probing by binding the port
     * ourselves would, for that instant, take it from SIPp if it started binding just then.
     */
    private static boolean isBound(int port) {
        String suffix = String.format(":%04X", port);
        try (Stream<String> udp = Files.lines(Path.of("/proc/net/udp"))) {
            return udp.skip(1).map(line -> line.trim().split("\\s+")[1]).anyMatch(local -> local.endsWith(suffix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a script of sipp/ (bash) with these arguments; its output, a summary, is printed at the end and quoted on failure. */
    public static SippProcess script(String name, Map<String, String> environment, String script, String... arguments) {
        File file = new File(scenarioDir(), script);
        if (!file.isFile()) {
            throw new AssertionError("the SIPp script is missing: " + file);
        }
        List<String> command = new ArrayList<>(List.of("bash", file.getPath()));
        command.addAll(List.of(arguments));
        Path logs = logDir(name);
        return start(name, logs, environment, command, true, logs.resolve("stdout.log"));
    }

    private static SippProcess start(String name, Path logs, Map<String, String> environment, List<String> command,
            boolean summary, Path... evidence) {
        assertSippInstalled();
        Path output = logs.resolve("stdout.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(logs.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        try {
            return new SippProcess(name, builder.start(), output, summary, List.of(evidence));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Waits for the run to end and asserts that it passed (exit 0: every call of every scenario succeeded). */
    public void assertPassed(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new AssertionError(name + " did not finish within " + timeout.toSeconds() + " s" + quotes());
        }
        if (summary) {
            printOutput();
        }
        System.out.println(name + " ended with exit code " + process.exitValue() + "; logs in " + output.getParent());
        if (process.exitValue() != 0) {
            throw new AssertionError(name + " failed (exit code " + process.exitValue() + ")" + quotes());
        }
    }

    /** Stops the run if it is still going (a test that failed before waiting for it). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Through System.out, not inheritIO: the fork's stdout is the failsafe plugin's channel. */
    private void printOutput() {
        try {
            Files.readAllLines(output, StandardCharsets.ISO_8859_1).forEach(System.out::println);
        } catch (IOException e) {
            System.out.println("cannot read " + output + ": " + e.getMessage());
        }
    }

    /** The end of each file that tells what went wrong (those that exist). */
    private String quotes() {
        StringBuilder text = new StringBuilder();
        for (Path file : evidence) {
            if (Files.isRegularFile(file)) {
                try {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
                    text.append("\n--- ").append(file).append(" (end) ---\n")
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - QUOTED_LINES), lines.size())));
                } catch (IOException e) {
                    text.append("\n--- ").append(file).append(": unreadable: ").append(e.getMessage());
                }
            }
        }
        return text.toString();
    }

    private static Path logDir(String name) {
        try {
            return Files.createDirectories(logRoot().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSippInstalled() {
        try {
            if (new ProcessBuilder("bash", "-c", "command -v sipp").start().waitFor() != 0) {
                throw new AssertionError("sipp is not installed (Debian package sip-tester)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while looking for sipp");
        }
    }
}
