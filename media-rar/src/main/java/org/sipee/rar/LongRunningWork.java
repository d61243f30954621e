package org.sipee.rar;

import java.util.List;

import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;

/**
 * A task that occupies a server WorkManager thread for a long time (a Netty event loop, a delivery
 * worker), flagged with the LONGRUNNING hint so the server takes it from its long-running pool.
 * It ends when its owner (engine, worker pool) is closed; release() has nothing to add.
 * (IronJacamar refuses synchronized run/release: keep them plain.)
 */
final class LongRunningWork implements Work, WorkContextProvider {

    private static final long serialVersionUID = 1L;

    private final transient Runnable task;
    private final String name;
    private final boolean hints;

    LongRunningWork(Runnable task, String name, boolean hints) {
        this.task = task;
        this.name = name;
        this.hints = hints;
    }

    @Override
    public List<WorkContext> getWorkContexts() {
        if (!hints) {
            return List.of();
        }
        HintsContext context = new HintsContext();
        context.setName(name);
        context.setHint(HintsContext.LONGRUNNING_HINT, Boolean.TRUE);
        return List.of(context);
    }

    @Override
    public void run() {
        Thread thread = Thread.currentThread();
        String previous = thread.getName();
        thread.setName(previous + " (" + name + ")");
        try {
            task.run();
        } finally {
            thread.setName(previous);
        }
    }

    @Override
    public void release() {
        // the owner stops the task by closing the engine or pool it belongs to
    }
}
