package org.sipee.media;

/**
 * An adaptive jitter buffer for fixed 20 ms audio frames, keyed by extended sequence number. The
 * playout clock (one {@link #poll} per frame interval) asks for the next frame:
 * <ul>
 *   <li>Buffering: playout starts once the first packet has waited the target delay.</li>
 *   <li>Playing: the frame due is returned, or MISSING (to be concealed) when it is lost or has not
 *       come yet; a packet arriving after its frame was played is late: dropped and counted.</li>
 *   <li>Adapting: the target follows the measured interarrival jitter (about three times it, between
 *       min and max); a late packet raises it by one frame at once (one concealed frame is inserted), and
 *       a queue deeper than target + 2 frames drops its oldest frame to bring the delay back down.</li>
 *   <li>After three empty intervals (talkspurt end, a DTMF event, silence suppression) it re-buffers and
 *       re-anchors on the next packet; after {@link #IDLE_AFTER_FRAMES} empty intervals it goes idle.</li>
 * </ul>
 * Not thread-safe; the stream's event loop drives it. The counters read elsewhere are volatile.
 */
final class JitterBuffer {

    enum Kind { FRAME, MISSING, IDLE }

    /** What to play this interval: a packet, a frame to conceal, or nothing (idle). */
    record Playout(Kind kind, RtpPacket packet) {
        static final Playout MISSING = new Playout(Kind.MISSING, null);
        static final Playout IDLE = new Playout(Kind.IDLE, null);
    }

    static final long FRAME_NANOS = 20_000_000L;
    static final int IDLE_AFTER_FRAMES = 50;
    private static final int RESET_DISTANCE = 500;
    private static final int DECAY_FRAMES = 250; // 5 s without late packets lowers the late boost by one frame

    private final int minFrames;
    private final int maxFrames;
    private final PacketQueue queue = new PacketQueue();
    private boolean playing;
    private boolean everPlayed;
    private long nextSeq;
    private long bufferingSince = -1;
    private int emptyTicks;
    private int jitterFrames;
    private int lateBoost;
    private int sinceLate;
    private int stretch;
    private volatile int targetFrames;
    private volatile long late;
    private volatile long discarded;

    JitterBuffer(int minFrames, int maxFrames) {
        if (minFrames < 1 || maxFrames < minFrames) {
            throw new IllegalArgumentException("jitter buffer needs 1 <= min <= max frames, was " + minFrames + ".." + maxFrames);
        }
        this.minFrames = minFrames;
        this.maxFrames = maxFrames;
        this.targetFrames = minFrames;
    }

    /** Sets the jitter-driven part of the target: about 3 x jitter plus one frame of arrival spread. */
    void jitter(double jitterMillis) {
        jitterFrames = (int) Math.ceil((3 * jitterMillis + 10) / 20);
        retarget();
    }

    private void retarget() {
        targetFrames = Math.max(minFrames, Math.min(maxFrames, Math.max(jitterFrames, minFrames + lateBoost)));
    }

    void put(long extSeq, RtpPacket p, long nowNanos) {
        if (playing && nextSeq - extSeq > RESET_DISTANCE) {
            reset(); // far behind: the sender restarted its numbering, not a late packet
        }
        if (playing && extSeq < nextSeq) {
            late++;
            if (lateBoost < maxFrames - minFrames) {
                lateBoost++;
                stretch++;
            }
            sinceLate = 0;
            retarget();
            return;
        }
        if (!queue.isEmpty() && Math.abs(extSeq - queue.lastKey()) > RESET_DISTANCE) {
            reset(); // the sender jumped: start again
        }
        if (queue.isEmpty() && !playing && bufferingSince < 0) {
            bufferingSince = nowNanos;
        }
        queue.putIfAbsent(extSeq, p);
    }

    /** Drops everything queued and re-buffers, e.g. for a new source (SSRC). */
    void reset() {
        queue.clear();
        playing = false;
        bufferingSince = -1;
    }

    Playout poll(long nowNanos) {
        if (++sinceLate >= DECAY_FRAMES && lateBoost > 0) {
            lateBoost--;
            sinceLate = 0;
            retarget();
        }
        if (!playing) {
            if (queue.isEmpty() || nowNanos - bufferingSince < (targetFrames - 1) * FRAME_NANOS) {
                return idleOrConceal();
            }
            playing = true;
            everPlayed = true;
            emptyTicks = 0;
            nextSeq = queue.firstKey();
        }
        if (stretch > 0) {
            stretch--;       // delay grows by one frame: conceal instead of playing
            return Playout.MISSING;
        }
        if (!queue.isEmpty() && queue.lastKey() - nextSeq + 1 > targetFrames + 2) {
            queue.dropBefore(nextSeq + 1); // too deep: skip a frame
            nextSeq++;
            discarded++;
        }
        queue.dropBefore(nextSeq);
        RtpPacket p = queue.remove(nextSeq);
        nextSeq++;
        if (p != null) {
            emptyTicks = 0;
            return new Playout(Kind.FRAME, p);
        }
        if (queue.isEmpty() && ++emptyTicks >= 3) {
            playing = false; // re-buffer and re-anchor on the next packet
            bufferingSince = -1;
        }
        return Playout.MISSING;
    }

    private Playout idleOrConceal() {
        if (!everPlayed || ++emptyTicks > IDLE_AFTER_FRAMES) {
            return Playout.IDLE;
        }
        return Playout.MISSING;
    }

    boolean idle() {
        return !playing && queue.isEmpty() && (!everPlayed || emptyTicks > IDLE_AFTER_FRAMES);
    }

    int targetFrames() {
        return targetFrames;
    }

    long latePackets() {
        return late;
    }

    long discardedFrames() {
        return discarded;
    }
}
