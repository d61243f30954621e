package org.sipee.rar;

import java.util.function.Consumer;

import org.sipee.rar.api.ListenerRegistration;
import org.sipee.rar.api.SipApplicationListener;

/** One application's listener, with the class loader to run its deliveries under. */
final class AppRegistration implements ListenerRegistration {

    private final SipApplicationListener listener;
    private final ClassLoader classLoader;
    private final Consumer<AppRegistration> onClose;
    private volatile boolean open = true;

    AppRegistration(SipApplicationListener listener, ClassLoader classLoader, Consumer<AppRegistration> onClose) {
        this.listener = listener;
        this.classLoader = classLoader;
        this.onClose = onClose;
    }

    /** Calls the listener with the application's TCCL; does nothing once closed. */
    void deliver(Consumer<SipApplicationListener> event) {
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
