package org.sipee.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sample of the whole machine's idle time (first line of /proc/stat), to tell how busy all cores were over
 * a window: the benchmark shares the machine, and other processes' load skews its figures. Busy time is
 * taken as wall time × cores − idle, because the idle count is measured while the busy categories are
 * sampled at clock ticks (summing those came out below the processes' own, precisely accounted, CPU time).
 *
 * @param idleTicks  idle + iowait of all cores, in USER_HZ ticks
 * @param wallNanos  when it was taken
 */
record MachineCpu(long idleTicks, long wallNanos) {

    /** /proc/stat's unit: USER_HZ, 100 on the architectures the JDK runs on. */
    private static final int USER_HZ = 100;

    static MachineCpu now() {
        String line;
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            line = lines.findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat", e);
        }
        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"
        String[] f = line.trim().split("\\s+");
        return new MachineCpu(Long.parseLong(f[4]) + Long.parseLong(f[5]), System.nanoTime());
    }

    /** How many cores' worth of CPU the machine used since {@code earlier}, in % of one core. */
    double busyCorePercentSince(MachineCpu earlier) {
        double wallSeconds = (wallNanos - earlier.wallNanos) / 1e9;
        double idleCores = (idleTicks - earlier.idleTicks) / (double) USER_HZ / wallSeconds;
        return 100.0 * (Runtime.getRuntime().availableProcessors() - idleCores);
    }
}
