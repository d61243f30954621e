package org.sipee.it;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.sipee.it.BaresipTrace.SipMessage;

/**
 * One baresip 1.0.0 softphone as a child process, for end-to-end tests: registered at a server or dialling directly.
 * There is no sound card here, so it sends a sine tone (module ausine) and plays into an aubridge device nobody reads,
 * while the sndfile filter dumps the decoded received audio (and the encoded sent audio) into WAV files of its folder.
 * Commands go to its standard input (modules stdio + menu: "/dial ...", one line each); what it does is read from its
 * output, where the SIP trace (-s) is on too. Every wait is bounded; {@link #close()} always ends the process.
 * Only G.711 is loaded, so the WAV files hold 8 kHz mono samples as the Goertzel filter wants them.
 * {@link BaresipConfig} writes its files, {@link BaresipTrace} reads its output into {@link BaresipOutput},
 * {@link BaresipAudio} reads the WAV files.
 */
public final class Baresip implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(10);
    private static final Duration QUIT = Duration.ofSeconds(2);

    private final BaresipSettings settings;
    private final Process process;
    private final Writer commands;
    private final BaresipOutput output;
    private final BaresipTrace trace;
    private final BaresipAudio audio;

    private Baresip(BaresipSettings settings, Process process, BaresipOutput output) {
        this.settings = settings;
        this.process = process;
        this.output = output;
        this.commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.trace = new BaresipTrace(settings, output);
        this.audio = new BaresipAudio(settings, output);
    }

    /** Writes the configuration into settings.folder(), starts baresip and waits until it is ready for commands. */
    public static Baresip start(BaresipSettings settings) {
        Path dir = settings.folder().toAbsolutePath();
        try {
            Files.createDirectories(dir);
            BaresipAudio.clear(dir);
            BaresipConfig.write(settings, dir);
            BaresipOutput output = new BaresipOutput(settings);
            ProcessBuilder builder = new ProcessBuilder("baresip", "-f", dir.toString(), "-s",
                    "-t", Long.toString(Math.max(1, settings.lifetime().toSeconds())))
                    .directory(dir.toFile()).redirectErrorStream(true);
            Baresip phone = new Baresip(settings, builder.start(), output);
            phone.trace.readFrom(phone.process);
            try {
                phone.await(BaresipEvent.READY, START);
            } catch (AssertionError e) {
                phone.close();
                throw e;
            }
            return phone;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start baresip for " + settings + " (Debian package baresip-core)", e);
        }
    }

    public BaresipSettings settings() {
        return settings;
    }

    /** Sends one menu command ("/dial sip:...", "/hangup", "/accept", "/reginfo", ...). */
    public void command(String line) {
        trace.typed(line);
        try {
            commands.write(line + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new AssertionError("baresip " + settings.aor() + " does not take commands (exited?)"
                    + output.quotes(), e);
        }
    }

    public void dial(String uri) {
        command("/dial " + uri);
    }

    /**
     * A whole call: {@code caller} dials {@code uri}, both wait until it is established, each hears {@code talk} of
     * audio, then the caller hangs up and both see the call closed; each wait bounded by {@code timeout}.
     */
    public static void converse(Baresip caller, Baresip callee, String uri, Duration talk, Duration timeout) {
        caller.dial(uri);
        callee.awaitCallEstablished(timeout);
        caller.awaitCallEstablished(timeout);
        caller.awaitReceivedAudio(talk, timeout);
        callee.awaitReceivedAudio(talk, timeout);
        caller.hangUp();
        caller.awaitCallClosed(timeout);
        callee.awaitCallClosed(timeout);
    }

    /** Hangs up the current call. */
    public void hangUp() {
        command("/hangup");
    }

    /** Accepts the ringing incoming call (with {@link BaresipSettings#manualAnswer()}). */
    public void answer() {
        command("/accept");
    }

    /** Waits for the first REGISTER's 2xx (the next one on each call). */
    public String awaitRegistered(Duration timeout) {
        return await(BaresipEvent.REGISTERED, timeout);
    }

    /**
     * Waits until registration failed: a final error ("reg: ...: 403 Forbidden ()"), a local one such as a challenge
     * it cannot answer ("reg: ...: Register: Function not implemented"), or a 401 to a REGISTER that carried
     * credentials (baresip 1.0.0 says nothing then and keeps retrying). Returns that line.
     */
    public String awaitRegistrationFailed(Duration timeout) {
        return await(BaresipEvent.REGISTRATION_FAILED, timeout);
    }

    public String awaitIncomingCall(Duration timeout) {
        return await(BaresipEvent.INCOMING_CALL, timeout);
    }

    public String awaitCallEstablished(Duration timeout) {
        return await(BaresipEvent.CALL_ESTABLISHED, timeout);
    }

    /** Returns the line saying why, e.g. "sip:bob@127.0.0.1: session closed: 486 Busy Here". */
    public String awaitCallClosed(Duration timeout) {
        return await(BaresipEvent.CALL_CLOSED, timeout);
    }

    /** Waits for the next occurrence of an event after the last one a wait returned. */
    public String await(BaresipEvent event, Duration timeout) {
        return output.await(event, timeout);
    }

    /** Waits for a line of baresip's output (or the harness's own "harness: ..." lines) that matches. */
    public String awaitLine(Pattern pattern, Duration timeout) {
        return output.awaitLine(pattern, timeout);
    }

    /** The SIP messages it sent and received so far (from its trace). */
    public List<SipMessage> messages() {
        return trace.messages();
    }

    /**
     * Waits until the latest call's received audio lasts at least {@code audio}: a bounded wait for "it has been
     * talking for a while" instead of a sleep.
     */
    public void awaitReceivedAudio(Duration audio, Duration timeout) {
        this.audio.awaitReceived(audio, timeout);
    }

    /** The received audio of the latest call, 8 kHz mono: complete once that call has closed. */
    public short[] receivedAudio() {
        return audio.read("dec");
    }

    /** What it sent in the latest call (its own tone after encoding), 8 kHz mono. */
    public short[] sentAudio() {
        return audio.read("enc");
    }

    /** Its log (password masked): baresip.log in its folder. */
    public Path logFile() {
        return output.logFile();
    }

    /** Quits (so it un-registers), waits at most 2 s, then kills it if it is still there. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                try {
                    command("/quit");
                } catch (AssertionError exited) {
                    // its stdin is gone: only the kill is left
                }
                process.waitFor(QUIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (process.isAlive()) {
                output.record("harness: still running " + QUIT.toMillis() + " ms after /quit: killed");
                process.destroyForcibly().waitFor(QUIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            trace.awaitEnd(QUIT);                        // the rest of its output, up to the end of the pipe
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            commands.close();
        } catch (IOException ignored) {
            // the pipe is gone with the process
        }
        output.close();
    }
}
