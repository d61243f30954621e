package org.sipee.media;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a stream's port release exactly once: either when its sockets are closed, or when its event
 * loop terminates (the loop's selector then closes every socket it held). Unhooks itself from the
 * loop's termination future so that closed streams do not pile up there.
 */
final class PortRelease implements Runnable, GenericFutureListener<Future<Object>> {

    private final EventLoop loop;
    private final Runnable action;
    private final AtomicBoolean done = new AtomicBoolean();

    PortRelease(EventLoop loop, Runnable action) {
        this.loop = loop;
        this.action = action;
    }

    @Override
    public void run() {
        if (done.compareAndSet(false, true)) {
            loop.terminationFuture().removeListener(this);
            action.run();
        }
    }

    /** The loop terminated. */
    @Override
    public void operationComplete(Future<Object> future) {
        run();
    }
}
