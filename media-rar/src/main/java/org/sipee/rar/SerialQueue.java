package org.sipee.rar;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: the per-call queue that
 * keeps a call's events (INVITE, ACK, end) in order without pinning a thread to the call.
 */
final class SerialQueue implements Executor {

    private static final Logger LOG = Logger.getLogger(SerialQueue.class.getName());

    /** Tasks one turn on a worker runs at most. */
    static final int BATCH = 16;

    private final Executor pool;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean scheduled;

    SerialQueue(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        pool.execute(this::runBatch);
    }

    /**
     * Runs the queued tasks, up to {@link #BATCH} of them, then hands the rest back to the pool (fair to other calls).
     * One task per turn woke another worker for each event a call had queued: a thread hand-off per event.
     */
    private void runBatch() {
        for (int run = 0; run < BATCH; run++) {
            Runnable task;
            synchronized (this) {
                task = tasks.poll();
                if (task == null) {
                    scheduled = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "call event delivery failed", e);
            }
        }
        synchronized (this) {
            if (tasks.isEmpty()) {
                scheduled = false;
                return;
            }
        }
        pool.execute(this::runBatch);
    }
}
