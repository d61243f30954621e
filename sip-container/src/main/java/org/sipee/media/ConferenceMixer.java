package org.sipee.media;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The audio of one N-party conference, independent of sockets: 20 ms frames of 8 kHz 16-bit PCM. Each
 * {@link #tick()} takes every participant's next input frame (none: silent), and gives each participant the
 * sum of everyone else's, never its own. The sum of all is formed once and each listener's own frame is
 * subtracted from it, so a tick costs O(N), not O(N²); sums are int, and each listener's {@link MixLimiter}
 * brings its mix back into 16 bits. A muted participant is not added. Talking participants are reported to
 * the listener after the tick's frames went out. Buffers are reused: no garbage per tick.
 * <p>
 * Thread-safe: participants join and leave from any thread, also while a tick runs on another (a tick works
 * on the set of participants as it was when it began). Ticks run one at a time, e.g. from a
 * {@link ConferenceClock}.
 */
public final class ConferenceMixer {

    private static final System.Logger LOG = System.getLogger(ConferenceMixer.class.getName());

    private final ConferenceTalkingListener talkingListener;
    private final Object membership = new Object();
    private volatile ConferenceParticipant[] members = new ConferenceParticipant[0]; // copy-on-write: joins are rare
    private final Object tickLock = new Object();
    private final int[] total = new int[ToneGenerator.FRAME_SAMPLES];
    private final int[] mix = new int[ToneGenerator.FRAME_SAMPLES];

    /** A mixer that reports nobody talking. */
    public ConferenceMixer() {
        this((p, t) -> { });
    }

    public ConferenceMixer(ConferenceTalkingListener talkingListener) {
        this.talkingListener = Objects.requireNonNull(talkingListener);
    }

    /**
     * Adds a participant, heard and hearing from the next tick on.
     *
     * @param id     a label for events and logs, e.g. the Call-ID
     * @param output takes this participant's mix every tick, on the tick's thread; it must not block, and the
     *               array is reused by the next tick: encode or copy it before returning
     */
    public ConferenceParticipant join(String id, Consumer<short[]> output) {
        ConferenceParticipant p = new ConferenceParticipant(Objects.requireNonNull(id), Objects.requireNonNull(output));
        synchronized (membership) {
            ConferenceParticipant[] next = Arrays.copyOf(members, members.length + 1);
            next[members.length] = p;
            members = next;
        }
        return p;
    }

    /**
     * Removes a participant: from the next tick on it is not heard and gets no output (a tick running on
     * another thread at this moment may still deliver one frame to it).
     *
     * @return false when it had already left or belongs to another mixer
     */
    public boolean leave(ConferenceParticipant p) {
        synchronized (membership) {
            ConferenceParticipant[] current = members;
            int at = Arrays.asList(current).indexOf(p);
            if (at < 0) {
                return false;
            }
            ConferenceParticipant[] next = new ConferenceParticipant[current.length - 1];
            System.arraycopy(current, 0, next, 0, at);
            System.arraycopy(current, at + 1, next, at, next.length - at);
            members = next;
            p.markLeft();
            return true;
        }
    }

    /** The participants now, in join order (a snapshot). */
    public List<ConferenceParticipant> participants() {
        return List.of(members);
    }

    /** True when the last participant has left (or none joined): the session layer may then end the conference. */
    public boolean isEmpty() {
        return members.length == 0;
    }

    /** Mixes one 20 ms frame for everyone; call every 20 ms, one tick at a time. */
    public void tick() {
        synchronized (tickLock) {
            ConferenceParticipant[] ps = members;
            Arrays.fill(total, 0);
            for (ConferenceParticipant p : ps) {
                p.updateTalking(p.takeInput());
                if (p.contributes) {
                    short[] f = p.frame;
                    for (int i = 0; i < total.length; i++) {
                        total[i] += f[i];
                    }
                }
            }
            for (ConferenceParticipant p : ps) {
                if (!p.left()) {
                    deliver(p);
                }
            }
            for (ConferenceParticipant p : ps) {
                if (p.talkingChanged && !p.left()) {
                    report(p);
                }
            }
        }
    }

    /** Everyone but {@code p}, limited, to {@code p}'s output. */
    private void deliver(ConferenceParticipant p) {
        int peak = 0;
        if (p.contributes) {
            short[] own = p.frame;
            for (int i = 0; i < mix.length; i++) {
                int v = total[i] - own[i];
                mix[i] = v;
                peak = Math.max(peak, Math.abs(v));
            }
        } else {
            for (int i = 0; i < mix.length; i++) {
                int v = total[i];
                mix[i] = v;
                peak = Math.max(peak, Math.abs(v));
            }
        }
        p.limiter.limit(mix, peak, p.out);
        try {
            p.output.accept(p.out);
        } catch (RuntimeException e) { // one participant's failing output must not silence the others
            LOG.log(System.Logger.Level.WARNING, "conference output of " + p.id() + " failed", e);
        }
    }

    private void report(ConferenceParticipant p) {
        try {
            talkingListener.talking(p, p.talking());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "talking listener failed for " + p.id(), e);
        }
    }
}
