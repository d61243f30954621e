package org.sipee.rar;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.sipee.rar.api.ListenerRegistration;
import org.sipee.rar.api.SipApplicationListener;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.DialogMessage;
import org.sipee.sip.ua.InboundCall;
import org.sipee.sip.ua.IncomingRefer;
import org.sipee.sip.ua.ModifyRequest;
import org.sipee.sip.ua.OutOfDialogRequest;
import org.sipee.sip.auth.UacCredentials;
import org.sipee.sip.ua.UserAgent;
import org.sipee.sip.ua.UserAgentListener;

/**
 * The stack's listener: runs on a Netty event loop, so it only routes. Each call is bound, at
 * its INVITE, to the earliest open application registration, and its events are queued on a
 * per-Call-ID serial queue over the delivery pool. Without any registration it answers 480.
 */
final class CallRouter implements UserAgentListener {

    private static final Logger LOG = Logger.getLogger(CallRouter.class.getName());

    /** Compared by identity, not as a record: a call that shares its queue with an earlier one is another call. */
    private static final class RoutedCall {
        private final AppRegistration<SipApplicationListener> app;
        private final SerialQueue queue;

        RoutedCall(AppRegistration<SipApplicationListener> app, SerialQueue queue) {
            this.app = app;
            this.queue = queue;
        }

        AppRegistration<SipApplicationListener> app() { return app; }
        SerialQueue queue() { return queue; }
    }

    private final Executor pool;
    private final CopyOnWriteArrayList<AppRegistration<SipApplicationListener>> registrations = new CopyOnWriteArrayList<>();
    private final Map<String, RoutedCall> calls = new ConcurrentHashMap<>();

    CallRouter(Executor pool) {
        this.pool = pool;
    }

    ListenerRegistration register(SipApplicationListener listener) {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        AppRegistration<SipApplicationListener> registration = new AppRegistration<>(listener, tccl, registrations::remove);
        registrations.add(registration);
        LOG.info(() -> "registered " + registration);
        return registration;
    }

    /** Calls still bound to an application (not yet ended and delivered). */
    int routedCalls() {
        return calls.size();
    }

    /**
     * An executor for the application's follow-ups of a call: its serial queue (after the events queued so far,
     * with the application's class loader), or the pool once the call is no longer routed. Never runs on the loop.
     */
    Executor executorFor(String callId) {
        RoutedCall routed = calls.get(callId);
        if (routed == null) {
            return pool;
        }
        return executorFor(routed); // bound to the call's queue now: its tasks stay in order after the call ended too
    }

    private static Executor executorFor(RoutedCall routed) {
        return task -> routed.queue().execute(() -> routed.app().deliver(l -> task.run()));
    }

    private AppRegistration<SipApplicationListener> firstOpen() {
        return registrations.stream().filter(AppRegistration::isOpen).findFirst().orElse(null);
    }

    /**
     * A call an EE component dials: routed like an INVITE, to the earliest open registration, whose onDial runs on the
     * call's serial queue and places it. Throws at once when it cannot be placed.
     */
    String dial(String from, String to, Object context, UacCredentials credentials, UserAgent userAgent) {
        AppRegistration<SipApplicationListener> app = firstOpen();
        if (app == null) {
            throw new IllegalStateException("no application is registered with the SIP adapter to place calls");
        }
        userAgent.checkCall(from, to, null);
        String callId = userAgent.newCallId();
        RoutedCall routed = new RoutedCall(app, new SerialQueue(pool));
        // unrouted from the call's own queue, after the last delivery, even when the application is gone by then
        Runnable unroute = () -> submit(callId, routed, () -> calls.remove(callId, routed));
        QueuedDial dial = new QueuedDial(callId, from, to, context, credentials, userAgent, executorFor(routed), unroute);
        calls.put(callId, routed);
        submit(callId, routed, () -> {
            try {
                app.deliver(l -> l.onDial(dial));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "application failed to place " + callId, e);
            } finally {
                if (!dial.placed()) {
                    calls.remove(callId, routed);
                }
            }
        });
        return callId;
    }

    @Override
    public void onInvite(InboundCall call) {
        AppRegistration<SipApplicationListener> app = firstOpen();
        if (app == null) {
            call.reject(480, "Temporarily Unavailable");
            return;
        }
        // A new INVITE with the Call-ID of a call whose end is still queued (the answer to a 407 or 401, RFC 3261
        // §22.2) joins that call's queue: the application hears the old call end before the new one starts.
        RoutedCall routed = calls.compute(call.callId(), (callId, earlier) ->
                new RoutedCall(app, earlier != null ? earlier.queue() : new SerialQueue(pool)));
        submit(call.callId(), routed, () -> app.deliver(l -> invite(l, call)));
    }

    @Override
    public void onAck(InboundCall call) {
        RoutedCall routed = calls.get(call.callId());
        if (routed != null) {
            submit(call.callId(), routed, () -> routed.app().deliver(l -> l.onAck(call)));
        }
    }

    /** A re-INVITE or UPDATE: queued behind the call's earlier events; a call we do not route gets the default. */
    @Override
    public void onModify(InboundCall call, ModifyRequest request) {
        RoutedCall routed = calls.get(call.callId());
        if (routed == null) {
            request.answerByDefault();
            return;
        }
        submit(call.callId(), routed, () -> routed.app().deliver(l -> modify(l, call, request)));
    }

    @Override
    public void onMessage(InboundCall call, DialogMessage message) {
        RoutedCall routed = calls.get(call.callId());
        if (routed != null) {
            submit(call.callId(), routed, () -> routed.app().deliver(l -> l.onMessage(call, message)));
        }
    }

    /** A REFER: queued behind the call's earlier events; a call we do not route gets the default (603). */
    @Override
    public void onRefer(InboundCall call, IncomingRefer refer) {
        RoutedCall routed = calls.get(call.callId());
        if (routed == null) {
            UserAgentListener.super.onRefer(call, refer);
            return;
        }
        submit(call.callId(), routed, () -> routed.app().deliver(l -> l.onRefer(call, refer)));
    }

    /** OPTIONS or REGISTER outside a dialog: to the application that takes the INVITEs, on a worker; none: the default. */
    @Override
    public void onRequest(OutOfDialogRequest request) {
        AppRegistration<SipApplicationListener> app = firstOpen();
        if (app == null) {
            request.answerByDefault();
            return;
        }
        try {
            pool.execute(() -> app.deliver(l -> {
                try {
                    l.onRequest(request);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "application failed on " + request.method() + " " + request.request().callId(), e);
                    request.respond(500, "Server Internal Error", Map.of());
                }
            }));
        } catch (RejectedExecutionException e) {
            request.answerByDefault();
        }
    }

    @Override
    public void onCallEnded(InboundCall call, CallEndReason reason) {
        RoutedCall routed = calls.get(call.callId());
        if (routed == null) {
            return; // answered 480 by us
        }
        submit(call.callId(), routed, () -> {
            try {
                routed.app().deliver(l -> l.onCallEnded(call, reason));
            } finally {
                calls.remove(call.callId(), routed);
            }
        });
    }

    /** A listener that throws on INVITE leaves no call hanging: 500 (ignored if already answered). */
    private static void invite(SipApplicationListener listener, InboundCall call) {
        try {
            listener.onInvite(call);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "application failed on INVITE " + call.callId(), e);
            call.reject(500, "Server Internal Error");
        }
    }

    /** A listener that throws on a re-INVITE leaves the session as it was (§14.2): 500 (ignored if answered). */
    private static void modify(SipApplicationListener listener, InboundCall call, ModifyRequest request) {
        try {
            listener.onModify(call, request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "application failed on " + request.method() + " in " + call.callId(), e);
            request.reject(500, "Server Internal Error");
        }
    }

    private void submit(String callId, RoutedCall routed, Runnable delivery) {
        try {
            routed.queue().execute(delivery);
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "dropped an event of " + callId + ": adapter stopping");
        }
    }
}
