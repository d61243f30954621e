package org.sipee.it;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.sipee.media.WavFile;

/**
 * One baresip 1.0.0 softphone as a child process, for end-to-end tests: registered at a server or dialling directly.
 * There is no sound card here, so it sends a sine tone (module ausine) and plays into an aubridge device nobody reads,
 * while the sndfile filter dumps the decoded received audio (and the encoded sent audio) into WAV files of its folder.
 * Commands go to its standard input (modules stdio + menu: "/dial ...", one line each); what it does is read from its
 * output, where the SIP trace (-s) is on too. Every wait is bounded; {@link #close()} always ends the process.
 * Only G.711 is loaded, so the WAV files hold 8 kHz mono samples as the Goertzel filter wants them.
 */
public final class Baresip implements AutoCloseable {

    /** What the harness recognises in baresip's output (each wait consumes one occurrence). */
    public enum Event {
        READY("^baresip is ready\\."),
        /** "alice@127.0.0.1: {0/UDP/v4} 200 OK () [1 binding]" */
        REGISTERED("^\\S+: \\{\\d+/\\w+/v[46]\\} 2\\d\\d "),
        /** "reg: sip:alice@127.0.0.1: 403 Forbidden ()", "reg: ...: Register: Function not implemented", or ours. */
        REGISTRATION_FAILED("^reg: |^harness: credentials refused: .*REGISTER"),
        /** An initial INVITE received (once per Call-ID, whether it is answered at once or rings). */
        INCOMING_CALL("^harness: incoming call: "),
        RINGING("^call: SIP Progress: 18\\d"),
        CALL_ESTABLISHED(": Call established: "),
        /** "sip:bob@...: session closed: 486 Busy Here" or "...: Call with sip:bob@... terminated (duration: 4 secs)" */
        CALL_CLOSED(": session closed: |: Call with .* terminated \\(duration"),
        CREDENTIALS_REFUSED("^harness: credentials refused: ");

        final Pattern pattern;

        Event(String regex) {
            this.pattern = Pattern.compile(regex);
        }
    }

    /**
     * How to start one phone. {@code server} (host:port over UDP) is the outbound proxy every request goes to (baresip
     * puts it in a Route header, the Request-URI keeps 127.0.0.1); without it the phone only dials URIs directly.
     * {@code registerSeconds} 0 means no REGISTER. {@code codecs} is baresip's audio_codecs list ("pcma", "pcmu,pcma")
     * or null for PCMU then PCMA. {@code lifetime} is baresip's own -t: it quits by itself even if this JVM dies.
     */
    public record Settings(String user, String password, String server, int registerSeconds, int sipPort,
            int rtpFirstPort, int rtpLastPort, int toneHz, boolean autoAnswer, String codecs, Path folder,
            Duration lifetime) {

        /**
         * A phone sip:USER@127.0.0.1 listening on 127.0.0.1:sipPort, RTP on the 10 ports from rtpFirstPort. baresip
         * binds UDP and TCP on sipPort and TLS (TCP) on sipPort + 1: phones need SIP ports at least 2 apart.
         */
        public static Settings peer(String user, int sipPort, int rtpFirstPort, Path folder) {
            return new Settings(user, null, null, 0, sipPort, rtpFirstPort, rtpFirstPort + 9, 440, true, null,
                    folder, Duration.ofMinutes(5));
        }

        /** Registers (every registerSeconds) at server with this password, and answers its challenges with it. */
        public Settings registeringAt(String server, String password, int registerSeconds) {
            return new Settings(user, password, server, registerSeconds, sipPort, rtpFirstPort, rtpLastPort, toneHz,
                    autoAnswer, codecs, folder, lifetime);
        }

        /** Sends every request to server, answering challenges with password, without registering. */
        public Settings through(String server, String password) {
            return registeringAt(server, password, 0);
        }

        public Settings tone(int hz) {
            return new Settings(user, password, server, registerSeconds, sipPort, rtpFirstPort, rtpLastPort, hz,
                    autoAnswer, codecs, folder, lifetime);
        }

        /** Incoming calls ring until {@link Baresip#answer()} (the default answers at once). */
        public Settings manualAnswer() {
            return new Settings(user, password, server, registerSeconds, sipPort, rtpFirstPort, rtpLastPort, toneHz,
                    false, codecs, folder, lifetime);
        }

        public Settings codecs(String audioCodecs) {
            return new Settings(user, password, server, registerSeconds, sipPort, rtpFirstPort, rtpLastPort, toneHz,
                    autoAnswer, audioCodecs, folder, lifetime);
        }

        public Settings lifetime(Duration processLifetime) {
            return new Settings(user, password, server, registerSeconds, sipPort, rtpFirstPort, rtpLastPort, toneHz,
                    autoAnswer, codecs, folder, processLifetime);
        }

        public String aor() {
            return "sip:" + user + "@127.0.0.1";
        }

        /** Never the password: settings end up in assertion messages. */
        @Override
        public String toString() {
            return aor() + " on 127.0.0.1:" + sipPort + ", RTP " + rtpFirstPort + "-" + rtpLastPort + ", tone "
                    + toneHz + " Hz" + (server == null ? "" : ", via " + server)
                    + (registerSeconds > 0 ? ", registering every " + registerSeconds + " s" : "")
                    + (password == null ? "" : ", with a password") + (autoAnswer ? ", auto-answer" : "");
        }
    }

    /** One SIP message of baresip's trace: sent by it or received, as the lines it printed. */
    public record SipMessage(boolean sent, List<String> lines) {

        public String startLine() {
            return lines.isEmpty() ? "" : lines.get(0);
        }

        /** The first value of a header (full name, case-insensitive), if present. */
        public Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return lines.stream().takeWhile(l -> !l.isEmpty())
                    .filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).trim()).findFirst();
        }

        boolean isResponse() {
            return startLine().startsWith("SIP/2.0 ");
        }

        String transactionKey() {
            return header("Call-ID").orElse("") + " " + header("CSeq").orElse("");
        }
    }

    private static final Duration START = Duration.ofSeconds(10);
    private static final Duration QUIT = Duration.ofSeconds(2);
    private static final int QUOTED_LINES = 40;
    private static final String TRACE_START = "\u001b[36;1m#";
    private static final String COLOUR_RESET = "\u001b[;m";
    private static final Pattern ESCAPES = Pattern.compile("\u001b\\[[0-9;]*m");

    private final Settings settings;
    private final Process process;
    private final Writer commands;
    private final Writer log;
    private final Thread reader;
    private final List<String> lines = new ArrayList<>();
    private final List<SipMessage> messages = new ArrayList<>();
    private final Map<Event, Integer> consumed = new EnumMap<>(Event.class);
    private final Set<String> typed = new LinkedHashSet<>();
    /** Which sent requests carried credentials, by Call-ID and CSeq: a 401/407 to one of them is a refusal. */
    private final Map<String, Boolean> sentWithCredentials = new HashMap<>();
    private final Set<String> incomingCalls = new HashSet<>();
    /** Set once its output has ended: nothing more can come. */
    private volatile boolean ended;

    private Baresip(Settings settings, Process process, Writer log) {
        this.settings = settings;
        this.process = process;
        this.log = log;
        this.commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.reader = new Thread(this::readOutput, "baresip " + settings.user() + ":" + settings.sipPort());
        reader.setDaemon(true);
    }

    /** Writes the configuration into settings.folder(), starts baresip and waits until it is ready for commands. */
    public static Baresip start(Settings settings) {
        Path dir = settings.folder().toAbsolutePath();
        try {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {      // a reused folder must not hand back an earlier call's audio
                for (Path p : (Iterable<Path>) old::iterator) {
                    if (p.getFileName().toString().startsWith("dump-")) {
                        Files.delete(p);
                    }
                }
            }
            Files.writeString(dir.resolve("config"), config(settings, dir));
            Files.writeString(dir.resolve("accounts"), account(settings));
            Writer log = Files.newBufferedWriter(dir.resolve("baresip.log"), StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder("baresip", "-f", dir.toString(), "-s",
                    "-t", Long.toString(Math.max(1, settings.lifetime().toSeconds())))
                    .directory(dir.toFile()).redirectErrorStream(true);
            Baresip phone = new Baresip(settings, builder.start(), log);
            phone.reader.start();
            try {
                phone.await(Event.READY, START);
            } catch (AssertionError e) {
                phone.close();
                throw e;
            }
            return phone;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start baresip for " + settings + " (Debian package baresip-core)", e);
        }
    }

    private static String config(Settings s, Path dir) {
        return String.join("\n",
                "# written by Baresip.java for one test phone: no sound card, 127.0.0.1 only",
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + s.sipPort(),
                "net_interface 127.0.0.1",          // else the SDP offers eth0's address
                "rtp_ports " + s.rtpFirstPort() + "-" + s.rtpLastPort(),
                "rtcp_mux no",
                "call_local_timeout 120",
                "call_max_calls 4",
                "audio_source ausine," + s.toneHz(),
                "ausrc_srate 48000",                // ausine only makes 48 kHz stereo; baresip resamples to 8 kHz
                "ausrc_channels 2",
                "audio_player aubridge,nowhere",    // a player that needs no device; nothing reads it
                "audio_alert aubridge,nowhere",
                "module_path /usr/lib/baresip/modules",
                "module stdio.so",
                "module g711.so",
                "module aubridge.so",
                "module ausine.so",
                "module sndfile.so",
                "module_tmp account.so",
                "module_app menu.so",
                "snd_path " + dir,
                "statmode_default off",             // no status line redrawn with \r every few ms
                "");
    }

    private static String account(Settings s) {
        StringBuilder line = new StringBuilder("<" + s.aor() + ">");
        line.append(";regint=").append(s.registerSeconds());
        line.append(";answermode=").append(s.autoAnswer() ? "auto" : "manual");
        if (s.password() != null) {
            line.append(";auth_pass=").append(s.password());
        }
        if (s.server() != null) {
            line.append(";outbound=\"sip:").append(s.server()).append("\"");
        }
        if (s.codecs() != null) {
            line.append(";audio_codecs=").append(s.codecs());
        }
        return line.append("\n").toString();
    }

    public Settings settings() {
        return settings;
    }

    /** Sends one menu command ("/dial sip:...", "/hangup", "/accept", "/reginfo", ...). */
    public void command(String line) {
        synchronized (lines) {
            typed.add(line);
        }
        record("> " + line);
        try {
            commands.write(line + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new AssertionError("baresip " + settings.aor() + " does not take commands (exited?)" + quotes(), e);
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

    /** Accepts the ringing incoming call (with {@link Settings#manualAnswer()}). */
    public void answer() {
        command("/accept");
    }

    /** Waits for the first REGISTER's 2xx (the next one on each call). */
    public String awaitRegistered(Duration timeout) {
        return await(Event.REGISTERED, timeout);
    }

    /**
     * Waits until registration failed: a final error ("reg: ...: 403 Forbidden ()"), a local one such as a challenge
     * it cannot answer ("reg: ...: Register: Function not implemented"), or a 401 to a REGISTER that carried
     * credentials (baresip 1.0.0 says nothing then and keeps retrying). Returns that line.
     */
    public String awaitRegistrationFailed(Duration timeout) {
        return await(Event.REGISTRATION_FAILED, timeout);
    }

    public String awaitIncomingCall(Duration timeout) {
        return await(Event.INCOMING_CALL, timeout);
    }

    public String awaitCallEstablished(Duration timeout) {
        return await(Event.CALL_ESTABLISHED, timeout);
    }

    /** Returns the line saying why, e.g. "sip:bob@127.0.0.1: session closed: 486 Busy Here". */
    public String awaitCallClosed(Duration timeout) {
        return await(Event.CALL_CLOSED, timeout);
    }

    /** Waits for the next occurrence of an event after the last one a wait returned. */
    public String await(Event event, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (int i = consumed.getOrDefault(event, 0); i < lines.size(); i++) {
                    if (event.pattern.matcher(lines.get(i)).find()) {
                        consumed.put(event, i + 1);
                        return lines.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended) {
                    throw new AssertionError(settings.aor() + ":" + settings.sipPort() + ": no " + event + " within "
                            + timeout.toMillis() + " ms" + (ended ? " (baresip exited)" : "") + quotes());
                }
                try {
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + event);
                }
            }
        }
    }

    /** Waits for a line of baresip's output (or the harness's own "harness: ..." lines) that matches. */
    public String awaitLine(Pattern pattern, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int from = 0;
            while (true) {
                for (; from < lines.size(); from++) {
                    if (pattern.matcher(lines.get(from)).find()) {
                        return lines.get(from);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended) {
                    throw new AssertionError(settings.aor() + ": no line matching " + pattern + " within "
                            + timeout.toMillis() + " ms" + quotes());
                }
                try {
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + pattern);
                }
            }
        }
    }

    /** The SIP messages it sent and received so far (from its trace). */
    public List<SipMessage> messages() {
        synchronized (lines) {
            return List.copyOf(messages);
        }
    }

    /**
     * Waits until the latest call's received-audio file holds at least {@code audio} (sndfile writes 16 bytes per ms
     * as the packets are decoded): a bounded wait for "it has been talking for a while" instead of a sleep.
     */
    public void awaitReceivedAudio(Duration audio, Duration timeout) {
        long bytes = 44 + 16 * audio.toMillis();
        Poll.until(settings.aor() + " receiving " + audio.toMillis() + " ms of audio",
                () -> latestDump("dec").map(Baresip::size).orElse(0L) >= bytes,
                () -> "(" + latestDump("dec").map(Baresip::size).orElse(0L) + " bytes)" + quotes(), timeout);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }

    /** The received audio of the latest call, 8 kHz mono: complete once that call has closed. */
    public short[] receivedAudio() {
        return dump("dec");
    }

    /** What it sent in the latest call (its own tone after encoding), 8 kHz mono. */
    public short[] sentAudio() {
        return dump("enc");
    }

    private short[] dump(String direction) {
        Path file = latestDump(direction).orElseThrow(() -> new AssertionError(settings.aor() + ": no " + direction
                + " audio in " + settings.folder() + " (no call had media)" + quotes()));
        try {
            return WavFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** sndfile names its files dump-YYYY-MM-DD-hh-mm-ss-{enc,dec}.wav: the name orders them in time. */
    private Optional<Path> latestDump(String direction) {
        try (Stream<Path> files = Files.list(settings.folder().toAbsolutePath())) {
            return files.filter(p -> p.getFileName().toString().matches("dump-.*-" + direction + "\\.wav"))
                    .max(Path::compareTo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its log (password masked): baresip.log in its folder. */
    public Path logFile() {
        return settings.folder().toAbsolutePath().resolve("baresip.log");
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
                record("harness: still running " + QUIT.toMillis() + " ms after /quit: killed");
                process.destroyForcibly().waitFor(QUIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            reader.join(QUIT.toMillis());                // the rest of its output, up to the end of the pipe
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            commands.close();
        } catch (IOException ignored) {
            // the pipe is gone with the process
        }
        synchronized (lines) {
            try {
                log.close();
            } catch (IOException ignored) {
                // best effort: the log is for people
            }
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> trace = null;
            Boolean sent = null;
            for (String raw; (raw = in.readLine()) != null; ) {
                int traceAt = raw.indexOf(TRACE_START);
                if (traceAt >= 0) {                          // a traced SIP message follows, up to the colour reset
                    String before = clean(raw.substring(0, traceAt));   // an echo the trace interrupted
                    if (before != null && !before.isEmpty()) {
                        record(before);
                    }
                    trace = new ArrayList<>();
                    sent = null;
                    record("#");
                    continue;
                }
                String line = clean(raw);
                if (line == null) {
                    continue;
                }
                if (trace != null && raw.startsWith(COLOUR_RESET)) {
                    message(sent != null && sent, trace);
                    trace = null;
                } else if (trace != null) {
                    if (sent == null) {                      // "UDP 127.0.0.1:5110 -> 127.0.0.1:5060"
                        sent = line.matches("\\S+ \\S+:" + settings.sipPort() + " -> .*");
                    } else {
                        trace.add(line);
                    }
                }
                record(line);
            }
        } catch (IOException e) {
            if (process.isAlive()) {
                record("harness: reading baresip's output failed: " + e.getMessage());
            }
        }
        synchronized (lines) {
            ended = true;
            lines.notifyAll();
        }
    }

    /**
     * Its message, and what it means for the harness: a challenge to a request that carried credentials, or a new
     * incoming call (an INVITE without a To tag).
     */
    private void message(boolean sent, List<String> text) {
        SipMessage m = new SipMessage(sent, List.copyOf(text));
        String news = null;
        synchronized (lines) {
            messages.add(m);
            if (sent && !m.isResponse()) {
                sentWithCredentials.put(m.transactionKey(),
                        m.header("Authorization").isPresent() || m.header("Proxy-Authorization").isPresent());
            } else if (!sent && m.isResponse() && m.startLine().matches("SIP/2\\.0 40[17] .*")
                    && sentWithCredentials.getOrDefault(m.transactionKey(), false)) {
                news = "harness: credentials refused: " + m.startLine() + " to " + m.header("CSeq").orElse("?");
            } else if (!sent && m.startLine().startsWith("INVITE ") && !m.header("To").orElse("").contains(";tag=")
                    && incomingCalls.add(m.header("Call-ID").orElse(""))) {
                news = "harness: incoming call: " + m.header("From").orElse("?");
            }
        }
        if (news != null) {
            record(news);
        }
    }

    /**
     * Without colours and the password; null for the menu's echo of a command being typed ("/d", "/di", ...), and
     * without such an echo where another line interrupted it ("/stream: ...").
     */
    private String clean(String raw) {
        String line = ESCAPES.matcher(raw).replaceAll("");
        if (line.startsWith("/")) {
            int echoed = 0;
            synchronized (lines) {
                for (String command : typed) {
                    int n = 0;
                    while (n < Math.min(line.length(), command.length()) && line.charAt(n) == command.charAt(n)) {
                        n++;
                    }
                    echoed = Math.max(echoed, n);
                }
            }
            if (echoed == line.length()) {
                return null;                         // logged as "> command" when it was sent
            }
            line = line.substring(echoed);
        }
        String password = settings.password();
        return password == null || password.isEmpty() ? line : line.replace(password, "********");
    }

    private void record(String line) {
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

    private String quotes() {
        synchronized (lines) {
            List<String> tail = lines.subList(Math.max(0, lines.size() - QUOTED_LINES), lines.size());
            return "\n--- " + logFile() + " (end) ---\n" + String.join("\n", tail);
        }
    }
}
