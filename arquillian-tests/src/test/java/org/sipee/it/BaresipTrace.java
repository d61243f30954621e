package org.sipee.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one baresip process's output (stdout and stderr, with the SIP trace of -s) on a daemon thread: each line goes
 * to {@link BaresipOutput} without colours, the menu's echo or the password; each traced SIP message is kept, and what
 * baresip 1.0.0 does not say itself (credentials refused, an incoming call) is added as a "harness: ..." line.
 */
public final class BaresipTrace {

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

    private static final String TRACE_START = "\u001b[36;1m#";
    private static final String COLOUR_RESET = "\u001b[;m";
    private static final Pattern ESCAPES = Pattern.compile("\u001b\\[[0-9;]*m");

    private final BaresipSettings settings;
    private final BaresipOutput output;
    /** Guarded by this, as are messages: the test's thread reads what the reader thread writes. */
    private final Set<String> typed = new LinkedHashSet<>();
    private final List<SipMessage> messages = new ArrayList<>();
    /** Which sent requests carried credentials, by Call-ID and CSeq: a 401/407 to one of them is a refusal. */
    private final Map<String, Boolean> sentWithCredentials = new HashMap<>();
    private final Set<String> incomingCalls = new HashSet<>();
    private Thread reader;

    BaresipTrace(BaresipSettings settings, BaresipOutput output) {
        this.settings = settings;
        this.output = output;
    }

    /** Starts reading; a daemon thread, so that a read that never ends cannot keep the JVM alive. */
    void readFrom(Process process) {
        reader = new Thread(() -> read(process), "baresip " + settings.user() + ":" + settings.sipPort());
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits at most timeout for the rest of the output, up to the end of the pipe. */
    void awaitEnd(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
    }

    /** A command about to be sent: logged as "> command", and the menu's echo of it recognised as such. */
    void typed(String command) {
        synchronized (this) {
            typed.add(command);
        }
        output.record("> " + command);
    }

    synchronized List<SipMessage> messages() {
        return List.copyOf(messages);
    }

    private void read(Process process) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> trace = null;
            Boolean sent = null;
            for (String raw; (raw = in.readLine()) != null; ) {
                int traceAt = raw.indexOf(TRACE_START);
                if (traceAt >= 0) {                          // a traced SIP message follows, up to the colour reset
                    String before = clean(raw.substring(0, traceAt));   // an echo the trace interrupted
                    if (before != null && !before.isEmpty()) {
                        output.record(before);
                    }
                    trace = new ArrayList<>();
                    sent = null;
                    output.record("#");
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
                output.record(line);
            }
        } catch (IOException e) {
            if (process.isAlive()) {
                output.record("harness: reading baresip's output failed: " + e.getMessage());
            }
        }
        output.end();
    }

    /**
     * Its message, and what it means for the harness: a challenge to a request that carried credentials, or a new
     * incoming call (an INVITE without a To tag).
     */
    private void message(boolean sent, List<String> text) {
        SipMessage m = new SipMessage(sent, List.copyOf(text));
        String news = null;
        synchronized (this) {
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
            output.record(news);
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
            synchronized (this) {
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
}
