package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** Test helpers for real UDP on 127.0.0.1: a free port range (40000..58000) and polling with a deadline. */
final class Loopback {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Loopback() {
    }

    /** An even base port whose next {@code count} ports are free right now. */
    static int freeRange(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 2 * ThreadLocalRandom.current().nextInt(20000, 29000);
            List<DatagramSocket> probes = new ArrayList<>();
            try {
                for (int p = base; p < base + count; p++) {
                    probes.add(new DatagramSocket(p, LOOPBACK));
                }
                return base;
            } catch (Exception busy) {
                // try another base
            } finally {
                probes.forEach(DatagramSocket::close);
            }
        }
        throw new IllegalStateException("no free port range on loopback");
    }

    /** Polls {@code condition} until it holds or {@code millis} pass. */
    static void await(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(5); // test-side polling only
        }
    }

    /** True when the frame is clearly a tone of {@code hz}: most of its energy there, and not quiet. */
    static boolean hasTone(short[] frame, double hz) {
        double energy = 0;
        for (short s : frame) {
            energy += s * (double) s;
        }
        double rms = Math.sqrt(energy / frame.length);
        return rms > 300 && Goertzel.power(frame, hz) > 0.5 * (frame.length / 2.0) * energy;
    }

    static double energyDb(short[] frame) {
        double energy = 0;
        for (short s : frame) {
            energy += s * (double) s;
        }
        return 10 * Math.log10(energy / frame.length + 1e-9);
    }

    static short[] frame(short[] samples, int index) {
        return java.util.Arrays.copyOfRange(samples, index * 160, index * 160 + 160);
    }
}
