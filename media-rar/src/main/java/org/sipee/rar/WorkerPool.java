package org.sipee.rar;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small fixed pool whose workers are long-running Works: it runs application deliveries
 * off the Netty event loops. close() lets queued tasks finish, then ends every worker.
 */
final class WorkerPool implements Executor, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());
    private static final Runnable STOP = () -> { };

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final CountDownLatch stopped;
    private final int size;
    private volatile boolean closed;

    WorkerPool(Executor workStarter, int size) {
        this.size = size;
        this.stopped = new CountDownLatch(size);
        for (int i = 0; i < size; i++) {
            workStarter.execute(this::work);
        }
    }

    @Override
    public void execute(Runnable task) {
        if (closed) {
            throw new RejectedExecutionException("the delivery pool is closed");
        }
        queue.add(task);
    }

    /** Tasks queued and not yet started. */
    int queued() {
        return queue.size();
    }

    private void work() {
        try {
            for (Runnable task = queue.take(); task != STOP; task = queue.take()) {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.log(Level.WARNING, "delivery failed", e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    /** Stops accepting, drains the queue, ends the workers and waits (bounded) for them. */
    @Override
    public void close() {
        closed = true;
        for (int i = 0; i < size; i++) {
            queue.add(STOP);
        }
        try {
            if (!stopped.await(10, TimeUnit.SECONDS)) {
                LOG.warning("delivery workers still busy 10 s after close: " + stopped.getCount());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
