package org.sipee.rar;

import java.util.function.Consumer;

import org.sipee.rar.api.ListenerRegistration;

/** One application's listener (its calls', its media events'), with the class loader to run its deliveries under. */
final class AppRegistration<L> implements ListenerRegistration {

    private final L listener;
    private final ClassLoader classLoader;
    private final Consumer<AppRegistration<L>> onClose;
    private volatile boolean open = true;

    AppRegistration(L listener, ClassLoader classLoader, Consumer<AppRegistration<L>> onClose) {
        this.listener = listener;
        this.classLoader = classLoader;
        this.onClose = onClose;
    }

    /** Calls the listener with the application's TCCL; does nothing once closed. */
    void deliver(Consumer<L> event) {
        if (!open) {
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            event.accept(listener);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return "registration of " + listener.getClass().getName();
    }
}
