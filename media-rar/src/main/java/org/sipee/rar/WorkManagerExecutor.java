package org.sipee.rar;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

/**
 * Runs each task as its own long-running Work on the server's JCA WorkManager: the engine's
 * Netty event loops (one task per loop, for the loop's whole life) and the delivery workers.
 * Never blocks: scheduleWork returns once the Work is accepted.
 */
final class WorkManagerExecutor implements Executor {

    private final WorkManager workManager;
    private final String namePrefix;
    private final boolean hints;
    private final AtomicInteger counter = new AtomicInteger();

    WorkManagerExecutor(WorkManager workManager, String namePrefix, boolean hints) {
        this.workManager = workManager;
        this.namePrefix = namePrefix;
        this.hints = hints;
    }

    @Override
    public void execute(Runnable task) {
        String name = namePrefix + "-" + counter.incrementAndGet();
        try {
            workManager.scheduleWork(new LongRunningWork(task, name, hints), WorkManager.INDEFINITE, null, null);
        } catch (WorkException e) {
            throw new RejectedExecutionException("the JCA WorkManager refused " + name + ": " + e.getMessage(), e);
        }
    }
}
