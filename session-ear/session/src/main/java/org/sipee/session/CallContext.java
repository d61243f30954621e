package org.sipee.session;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

/**
 * The CDI context of {@link CallScoped} beans: active on a thread while it runs something of one call (the session
 * layer activates it around the call's handlers and follow-ups), with the instances of each call kept until
 * {@link #end}.
 */
final class CallContext implements AlterableContext {

    private static final Logger LOG = Logger.getLogger(CallContext.class.getName());

    private final ThreadLocal<String> current = new ThreadLocal<>();
    private final Map<String, Map<Contextual<?>, Instance<?>>> calls = new ConcurrentHashMap<>();

    private record Instance<T>(T value, CreationalContext<T> creational) {
        @SuppressWarnings("unchecked")
        void destroy(Contextual<?> contextual) {
            ((Contextual<T>) contextual).destroy(value, creational);
        }
    }

    /** Something that may throw, run in a call's context. */
    interface Task {
        void run() throws Exception;
    }

    @Override
    public Class<? extends Annotation> getScope() {
        return CallScoped.class;
    }

    @Override
    public boolean isActive() {
        return current.get() != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Contextual<T> contextual, CreationalContext<T> creational) {
        Map<Contextual<?>, Instance<?>> beans = beansOfCurrentCall();
        synchronized (beans) {
            Instance<?> existing = beans.get(contextual);
            if (existing != null) {
                return (T) existing.value();
            }
        }
        T created = contextual.create(creational); // outside the lock: it may reach other call-scoped beans
        synchronized (beans) {
            Instance<?> raced = beans.putIfAbsent(contextual, new Instance<>(created, creational));
            if (raced == null) {
                return created;
            }
        }
        contextual.destroy(created, creational);
        return get(contextual);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Contextual<T> contextual) {
        Map<Contextual<?>, Instance<?>> beans = beansOfCurrentCall();
        synchronized (beans) {
            Instance<?> existing = beans.get(contextual);
            return existing == null ? null : (T) existing.value();
        }
    }

    @Override
    public void destroy(Contextual<?> contextual) {
        Map<Contextual<?>, Instance<?>> beans = beansOfCurrentCall();
        Instance<?> removed;
        synchronized (beans) {
            removed = beans.remove(contextual);
        }
        if (removed != null) {
            removed.destroy(contextual);
        }
    }

    /** Runs the task with the context of {@code callId} active on this thread (nested calls restore the outer one). */
    void run(String callId, Task task) throws Exception {
        String outer = current.get();
        current.set(callId);
        try {
            task.run();
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    /** {@link #run} for a body that throws nothing checked. */
    void within(String callId, Runnable body) {
        try {
            run(callId, body::run);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** An executor whose tasks run in the call's context. */
    Executor activating(String callId, Executor executor) {
        return task -> executor.execute(() -> within(callId, task));
    }

    /** A call starts: its beans may be created from now until {@link #end}. */
    void begin(String callId) {
        calls.putIfAbsent(callId, new HashMap<>());
    }

    /** The call is over: its instances are destroyed (their @PreDestroy runs). */
    void end(String callId) {
        Map<Contextual<?>, Instance<?>> beans = calls.remove(callId);
        if (beans == null) {
            return;
        }
        List<Map.Entry<Contextual<?>, Instance<?>>> ending;
        synchronized (beans) {
            ending = new ArrayList<>(beans.entrySet());
        }
        for (Map.Entry<Contextual<?>, Instance<?>> bean : ending) {
            try {
                bean.getValue().destroy(bean.getKey());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "destroying a @CallScoped bean of " + callId + " failed", e);
            }
        }
    }

    /** Application shutdown: every call's instances are destroyed. */
    void endAll() {
        List.copyOf(calls.keySet()).forEach(this::end);
    }

    private Map<Contextual<?>, Instance<?>> beansOfCurrentCall() {
        String callId = current.get();
        if (callId == null) {
            throw new ContextNotActiveException("@CallScoped beans exist only while a call's handler, observer or follow-up runs");
        }
        Map<Contextual<?>, Instance<?>> beans = calls.get(callId);
        if (beans == null) {
            throw new ContextNotActiveException("call " + callId + " is over: its @CallScoped beans are gone");
        }
        return beans;
    }
}
