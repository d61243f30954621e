package org.sipee.media;

/**
 * One participant's input between its stream's event loop (which offers a frame every 20 ms) and the mixer
 * tick (which takes one every 20 ms on another thread). A small FIFO rather than a "latest frame" slot: the
 * two 20 ms clocks have independent phases and scheduling jitter, so two frames may land between two ticks;
 * a slot would overwrite one of them (a lost frame, a click) and leave the next tick empty (a gap). The FIFO
 * is bounded so latency stays bounded: when full, the oldest frame goes; and a backlog that stands for a
 * second (after a stalled loop delivered a burst) is trimmed by one frame, since equal rates would otherwise
 * keep that extra delay forever. Frames are copied into preallocated buffers: no garbage per frame.
 * Thread-safe (one lock, held for a 320-byte copy).
 */
final class ConferenceInput {

    /** 60 ms: absorbs a loop or tick that is late by up to two frames; more would only add delay. */
    static final int CAPACITY = 3;
    /** Ticks with frames left over after the take (a standing backlog) before one frame is dropped. */
    static final int TRIM_AFTER_TICKS = 50;

    private final short[][] ring = new short[CAPACITY][ToneGenerator.FRAME_SAMPLES];
    private int head;
    private int size;
    private int backlogTicks;
    private long dropped;

    /** Queues a copy of a 160-sample frame; the caller may reuse its array. */
    synchronized void offer(short[] frame) {
        if (frame.length != ToneGenerator.FRAME_SAMPLES) {
            throw new IllegalArgumentException("a conference frame has 160 samples, not " + frame.length);
        }
        if (size == CAPACITY) {
            dropOldest();
        }
        System.arraycopy(frame, 0, ring[(head + size) % CAPACITY], 0, frame.length);
        size++;
    }

    /** Copies the oldest frame into {@code out}; false when none arrived (the participant is silent this tick). */
    synchronized boolean poll(short[] out) {
        if (size == 0) {
            backlogTicks = 0;
            return false;
        }
        System.arraycopy(ring[head], 0, out, 0, out.length);
        head = (head + 1) % CAPACITY;
        size--;
        if (size == 0) {
            backlogTicks = 0;
        } else if (++backlogTicks >= TRIM_AFTER_TICKS) {
            dropOldest();
            backlogTicks = 0;
        }
        return true;
    }

    synchronized int size() {
        return size;
    }

    /** Frames dropped to bound the latency, since joining. */
    synchronized long dropped() {
        return dropped;
    }

    private void dropOldest() {
        head = (head + 1) % CAPACITY;
        size--;
        dropped++;
    }
}
