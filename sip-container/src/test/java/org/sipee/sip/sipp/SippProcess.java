package org.sipee.sip.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * SIPp as a callee, one scenario of the repository's sipp/ folder run as a process on 127.0.0.1 and a free
 * port, one call (-m 1). A missing sipp binary fails the test (CI installs it): these tests must not pass
 * by being skipped.
 */
final class SippProcess implements AutoCloseable {

    private static final Path SCENARIOS = Path.of("..", "sipp");

    private final Process process;
    private final int port;
    private final Path logs;

    private SippProcess(Process process, int port, Path logs) {
        this.process = process;
        this.port = port;
        this.logs = logs;
    }

    /** Starts sipp -sf sipp/{scenario} as a UAS and waits until its SIP socket is bound. */
    static SippProcess start(String scenario) throws IOException, InterruptedException {
        requireSipp();
        Path file = SCENARIOS.resolve(scenario).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(file), "SIPp scenario missing: " + file);
        Path logs = Files.createDirectories(Path.of("target", "sipp-uac", scenario.replace(".xml", "")).toAbsolutePath());
        int port = freeUdpPort();
        // SIPp's "-p 0" tries 5060 first: always an explicit port
        Process process = new ProcessBuilder(List.of("sipp", "-sf", file.toString(), "-i", "127.0.0.1",
                "-p", Integer.toString(port), "-m", "1", "-nostdin", "-timeout", "30s", "-timeout_error",
                "-trace_err", "-error_file", logs.resolve("errors.log").toString(),
                "-trace_msg", "-message_file", logs.resolve("messages.log").toString()))
                .directory(logs.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("stdout.log").toFile())
                .start();
        SippProcess sipp = new SippProcess(process, port, logs);
        sipp.awaitListening(Duration.ofSeconds(5));
        return sipp;
    }

    int port() {
        return port;
    }

    /** sip:service@127.0.0.1:port, where SIPp answers. */
    String uri() {
        return "sip:service@127.0.0.1:" + port;
    }

    /** Waits for SIPp to finish its one call and asserts it passed (exit code 0, every check of the scenario). */
    void assertPassed(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("SIPp did not finish its call within " + timeout.toSeconds() + " s\n" + report());
        }
        assertEquals(0, process.exitValue(), "SIPp exit code (0: the scenario passed)\n" + report());
    }

    @Override
    public void close() {
        process.destroy(); // only this test's own SIPp process
    }

    private static void requireSipp() throws IOException, InterruptedException {
        Process which = new ProcessBuilder("bash", "-c", "command -v sipp").start();
        if (which.waitFor() != 0) {
            fail("sipp is not installed: these tests need it (Debian package sip-tester; .ci/run installs it)");
        }
    }

    /** A port free now; SIPp binds it a moment later (a clash fails the test loudly, it never passes wrongly). */
    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            return socket.getLocalPort();
        }
    }

    /**
     * Our INVITE would be retransmitted anyway (Timer A), but sent before SIPp listens it would cost T1: watch the
     * kernel's UDP table instead of guessing a delay. Without /proc (not Linux) the retransmission covers it.
     */
    private void awaitListening(Duration timeout) throws IOException, InterruptedException {
        Path udp = Path.of("/proc/net/udp");
        if (!Files.isReadable(udp)) {
            return;
        }
        String local = String.format(Locale.ROOT, "0100007F:%04X", port);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Files.readAllLines(udp).stream().noneMatch(line -> line.trim().split("\\s+")[1].equals(local))) {
            if (!process.isAlive()) {
                fail("SIPp exited at start (" + process.exitValue() + ")\n" + report());
            }
            if (System.nanoTime() > deadline) {
                fail("SIPp did not bind 127.0.0.1:" + port + " within " + timeout.toSeconds() + " s\n" + report());
            }
            Thread.sleep(20);
        }
    }

    /** SIPp's errors and the tail of its message trace, for the failure message. */
    private String report() {
        return "logs in " + logs + "\n--- errors.log\n" + read("errors.log") + "\n--- messages.log (end)\n"
                + tail(read("messages.log"), 4000) + "\n--- stdout.log (end)\n" + tail(read("stdout.log"), 2000);
    }

    private String read(String name) {
        File file = logs.resolve(name).toFile();
        try {
            return file.isFile() ? Files.readString(file.toPath(), StandardCharsets.ISO_8859_1) : "(none)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String tail(String text, int chars) {
        return text.length() <= chars ? text : "..." + text.substring(text.length() - chars);
    }
}
