package org.sipee.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.sipee.media.ConferenceMixer;
import org.sipee.media.ConferenceParticipant;
import org.sipee.media.G711Codec;

/**
 * CPU cost of conference mixing per participant per 20 ms tick, on one thread, for 10, 50 and 100
 * participants in rooms of 5 and in one room: every participant offers a frame each tick (as its stream
 * does), three per room talk (loud enough to engage the limiter), the others send low noise. "mix" is the
 * mixer alone; "+pcmu" also encodes each output as the send path will. A plain loop, not JMH: indicative
 * figures. Run with (from the repository root):
 * <pre>
 * mvn -q -pl sip-container test-compile exec:java -Dexec.mainClass=org.sipee.bench.ConferenceMixCost -Dexec.classpathScope=test
 * </pre>
 */
public final class ConferenceMixCost {

    private static long sink; // keeps the outputs observable so the JIT cannot drop the work

    public static void main(String[] args) {
        for (boolean encode : new boolean[] {false, true}) {
            for (int total : new int[] {10, 50, 100}) {
                for (int roomSize : new int[] {5, total}) {
                    double ns = measure(total, roomSize, encode);
                    System.out.printf("%-6s %3d participants, rooms of %3d: %6.0f ns per participant per tick"
                            + " (%.4f %% of a core each)%n", encode ? "+pcmu" : "mix", total, roomSize, ns,
                            100 * ns / 20_000_000);
                }
            }
        }
        System.out.println(sink == 42 ? "" : "done");
    }

    private static double measure(int total, int roomSize, boolean encode) {
        List<ConferenceMixer> rooms = new ArrayList<>();
        List<ConferenceParticipant> talkers = new ArrayList<>();
        List<ConferenceParticipant> quiet = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            if (i % roomSize == 0) {
                rooms.add(new ConferenceMixer((p, t) -> sink++));
            }
            ConferenceMixer room = rooms.get(rooms.size() - 1);
            ConferenceParticipant p = room.join("p" + i, encode
                    ? frame -> sink += G711Codec.PCMU.encode(frame)[0]
                    : frame -> sink += frame[17]);
            (i % roomSize < 3 ? talkers : quiet).add(p);
        }
        short[][] talk = frames(50, 12000);
        short[][] noise = frames(50, 30);
        int warmup = 3000;
        int ticks = 20_000;
        long start = 0;
        for (int t = 0; t < warmup + ticks; t++) {
            if (t == warmup) {
                start = System.nanoTime();
            }
            for (ConferenceParticipant p : talkers) {
                p.offer(talk[t % talk.length]);
            }
            for (ConferenceParticipant p : quiet) {
                p.offer(noise[t % noise.length]);
            }
            for (ConferenceMixer room : rooms) {
                room.tick();
            }
        }
        return (System.nanoTime() - start) / (double) ticks / total;
    }

    /** Gaussian frames with the given standard deviation (12000: loud speech, 30: line noise). */
    private static short[][] frames(int n, double sigma) {
        Random random = new Random(n + (long) sigma);
        short[][] out = new short[n][160];
        for (short[] f : out) {
            for (int i = 0; i < f.length; i++) {
                f[i] = (short) Math.max(-32767, Math.min(32767, Math.round(random.nextGaussian() * sigma)));
            }
        }
        return out;
    }
}
