package org.sipee.media;

import java.util.Arrays;

/**
 * The jitter buffer's packets ordered by extended sequence number: a sorted array of primitive keys, so a
 * lookup touches two contiguous arrays instead of walking tree nodes and boxed keys (with a thousand
 * streams, a TreeMap per stream missed the cache on every step). Packets mostly arrive in order and leave
 * from the front, so put and remove are O(1) then; a reordered packet shifts the few behind it.
 * Not thread-safe.
 */
final class PacketQueue {

    private long[] keys = new long[16];
    private RtpPacket[] packets = new RtpPacket[16];
    private int start;
    private int end;

    boolean isEmpty() {
        return start == end;
    }

    int size() {
        return end - start;
    }

    /** The smallest key; the queue must not be empty. */
    long firstKey() {
        return keys[start];
    }

    /** The largest key; the queue must not be empty. */
    long lastKey() {
        return keys[end - 1];
    }

    /** Adds {@code p} under {@code key} unless that key is already queued. */
    void putIfAbsent(long key, RtpPacket p) {
        int at = isEmpty() || key > lastKey() ? end : Arrays.binarySearch(keys, start, end, key);
        if (at >= 0 && at < end) {
            return; // a duplicate
        }
        int insert = at < 0 ? -at - 1 : at;
        if (end == keys.length) {
            insert -= start;
            makeRoom();
            insert += start;
        }
        System.arraycopy(keys, insert, keys, insert + 1, end - insert);
        System.arraycopy(packets, insert, packets, insert + 1, end - insert);
        keys[insert] = key;
        packets[insert] = p;
        end++;
    }

    /** Removes and returns the packet under {@code key}, or null. */
    RtpPacket remove(long key) {
        if (isEmpty()) {
            return null;
        }
        int at = keys[start] == key ? start : Arrays.binarySearch(keys, start, end, key);
        if (at < 0) {
            return null;
        }
        RtpPacket p = packets[at];
        if (at == start) {
            packets[start++] = null;
        } else {
            System.arraycopy(keys, at + 1, keys, at, end - at - 1);
            System.arraycopy(packets, at + 1, packets, at, end - at - 1);
            packets[--end] = null;
        }
        if (isEmpty()) {
            start = end = 0;
        }
        return p;
    }

    /** Drops every packet with a key below {@code key}. */
    void dropBefore(long key) {
        while (!isEmpty() && keys[start] < key) {
            packets[start++] = null;
        }
        if (isEmpty()) {
            start = end = 0;
        }
    }

    void clear() {
        Arrays.fill(packets, start, end, null);
        start = end = 0;
    }

    /** Moves the entries to the front, or doubles the arrays when they are full. */
    private void makeRoom() {
        int n = size();
        if (start > 0) {
            System.arraycopy(keys, start, keys, 0, n);
            System.arraycopy(packets, start, packets, 0, n);
            Arrays.fill(packets, n, end, null);
        } else {
            keys = Arrays.copyOf(keys, keys.length * 2);
            packets = Arrays.copyOf(packets, packets.length * 2);
        }
        start = 0;
        end = n;
    }
}
