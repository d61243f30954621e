package org.sipee.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a local JVM process uses, read from /proc and jcmd: CPU time, used heap, UDP sockets on a port range. */
final class ProcessProbe {

    /** "used 23456K" of G1's heap line, ZGC's "used 226M", Parallel's young and old generation lines. */
    private static final Pattern USED = Pattern.compile("used (\\d+)([KMG])");

    private final long pid;

    ProcessProbe(long pid) {
        this.pid = pid;
    }

    static ProcessProbe self() {
        return new ProcessProbe(ProcessHandle.current().pid());
    }

    /** User + system CPU time of all its threads (utime + stime of /proc/PID/stat). */
    Duration cpuTime() {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid + " (gone?)"));
    }

    /** Used Java heap in KiB per {@code jcmd PID GC.heap_info} (the lines before Metaspace); -1 when jcmd cannot tell. */
    long heapUsedKib() {
        String out = jcmd("GC.heap_info");
        int metaspace = out.indexOf("Metaspace");
        Matcher m = USED.matcher(metaspace < 0 ? out : out.substring(0, metaspace));
        long kib = -1;
        while (m.find()) {
            kib = Math.max(kib, 0) + (Long.parseLong(m.group(1)) << (10 * "KMG".indexOf(m.group(2))));
        }
        return kib;
    }

    /** The process's UDP sockets (IPv4 and IPv6) bound to a local port in min..max. */
    int udpSocketsInRange(int min, int max) {
        Set<String> inodes = socketInodes();
        int count = 0;
        for (String table : List.of("udp", "udp6")) {
            for (String line : lines(Path.of("/proc", Long.toString(pid), "net", table))) {
                // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ..."
                String[] f = line.trim().split("\\s+");
                if (f.length < 10 || !f[1].contains(":")) {
                    continue; // the header line
                }
                int port = Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16);
                if (port >= min && port <= max && inodes.contains(f[9])) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Inode numbers of the sockets among the process's open file descriptors ("socket:[12345]"). */
    private Set<String> socketInodes() {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while we listed them: not a socket we need to count
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/" + pid + "/fd (another user's process?)", e);
        }
        return inodes;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + p, e);
        }
    }

    private String jcmd(String command) {
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(); // this JDK's, not PATH's
            Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
