package org.sipee.rar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.sipee.media.RtpStream;

/**
 * Publishes the media events of the adapter's streams on one long-running Work of its own, never on a Netty event
 * loop and not on the delivery pool: a slow or absent broker then delays neither the engine nor the applications'
 * call handling. One thread taking from one FIFO publishes every call's events in the order they were reported. The
 * same thread ticks the open streams (MediaStarted, periodic QualityReports). The backlog is bounded: past it, events
 * are dropped (logged) rather than memory filled while JMS is stuck.
 */
final class MediaEventDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MediaEventDispatcher.class.getName());
    static final int BACKLOG = 10_000;
    /** How soon MediaStarted follows the first packet, at most. */
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /**
     * Events are published in batches at most this often: the broker then takes a burst per wake-up instead of one
     * message per wake-up of its threads and ours (at 2000 calls/s that was most of the cost of media events).
     */
    static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final BlockingQueue<MediaEvent> queue = new LinkedBlockingQueue<>(BACKLOG);
    private final Set<StreamEvents> streams = ConcurrentHashMap.newKeySet();
    private final Consumer<MediaEvent> publisher;
    private final AutoCloseable onExit;
    private final Duration reportEvery;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicLong overflow = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param workStarter starts the dispatcher's one long-running Work
     * @param publisher   publishes one event (runs on the dispatcher's thread only)
     * @param onExit      closed by that thread when it ends (the JMS context)
     */
    MediaEventDispatcher(Executor workStarter, Consumer<MediaEvent> publisher, AutoCloseable onExit, Duration reportEvery) {
        this.publisher = publisher;
        this.onExit = onExit;
        this.reportEvery = reportEvery;
        workStarter.execute(this::run);
    }

    /** The stream the application gets for its call: the engine's, reporting events. */
    RtpStream track(String callId, RtpStream stream) {
        StreamEvents events = new StreamEvents(callId, stream, this::offer, reportEvery);
        streams.add(events);
        return new EventingRtpStream(stream, events, () -> streams.remove(events));
    }

    /** Hands an event over without blocking (also from an event loop). */
    void offer(MediaEvent event) {
        if (!queue.offer(event) && overflow.getAndIncrement() == 0) {
            LOG.warning("media events are dropped: " + BACKLOG + " wait to be published (is JMS stuck?)");
        }
    }

    private void run() {
        long nextTick = System.nanoTime() + TICK_NANOS;
        long nextBatch = System.nanoTime();
        List<MediaEvent> batch = new ArrayList<>();
        try {
            while (true) {
                MediaEvent first = queue.poll(Math.max(0, nextTick - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (first != null) {
                    long gather = nextBatch - System.nanoTime();
                    if (gather > 0 && !closed) {
                        TimeUnit.NANOSECONDS.sleep(gather); // let this batch's events arrive
                    }
                    batch.add(first);
                    queue.drainTo(batch);
                    batch.forEach(this::publish);
                    batch.clear();
                    nextBatch = System.nanoTime() + BATCH_NANOS;
                } else if (closed) {
                    return; // everything reported before close() went out
                }
                long now = System.nanoTime();
                if (now - nextTick >= 0) {
                    streams.forEach(s -> s.tick(now));
                    nextTick = now + TICK_NANOS;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(onExit);
            ended.countDown();
        }
    }

    private void publish(MediaEvent event) {
        try {
            publisher.accept(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "publishing " + event.type() + " of " + event.callId() + " failed", e);
        }
        long lost = overflow.getAndSet(0);
        if (lost > 0) {
            LOG.warning(lost + " media events were dropped while the backlog was full");
        }
    }

    /** Stops after publishing what is queued; waits (bounded) for the thread to end and close JMS. */
    @Override
    public void close() {
        closed = true;
        try {
            if (!ended.await(10, TimeUnit.SECONDS)) {
                LOG.warning("the media event publisher is still busy 10 s after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "failed to close " + closeable, e);
        }
    }
}
