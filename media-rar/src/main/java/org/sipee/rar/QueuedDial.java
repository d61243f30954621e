package org.sipee.rar;

import java.util.concurrent.Executor;

import org.sipee.rar.api.Dial;
import org.sipee.sip.auth.UacCredentials;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.DialogMessage;
import org.sipee.sip.ua.IncomingRefer;
import org.sipee.sip.ua.ModifyRequest;
import org.sipee.sip.ua.OutboundCall;
import org.sipee.sip.ua.OutboundCallListener;
import org.sipee.sip.ua.UserAgent;

/**
 * A dialled call between the adapter and the application: places the INVITE for it and moves the engine's reports,
 * which arrive on an event loop, to the call's serial queue (the application's listener then runs on a worker).
 * After the last report it calls {@code onDone}, which unroutes the call behind that report's delivery.
 */
final class QueuedDial implements Dial, OutboundCallListener {

    private final String callId;
    private final String from;
    private final String to;
    private final Object context;
    /** Answers the callee's (or its proxy's) 401/407; null: none. */
    private final UacCredentials credentials;
    private final UserAgent userAgent;
    private final Executor queue;
    private final Runnable onDone;
    private volatile OutboundCallListener application;

    /** @param queue runs a task in order with the call's deliveries, with the application's class loader */
    QueuedDial(String callId, String from, String to, Object context, UacCredentials credentials, UserAgent userAgent,
               Executor queue, Runnable onDone) {
        this.callId = callId;
        this.from = from;
        this.to = to;
        this.context = context;
        this.credentials = credentials;
        this.userAgent = userAgent;
        this.queue = queue;
        this.onDone = onDone;
    }

    @Override public String callId() { return callId; }
    @Override public String from() { return from; }
    @Override public String to() { return to; }
    @Override public Object context() { return context; }

    @Override
    public synchronized OutboundCall place(String sdpOffer, OutboundCallListener listener) {
        if (application != null) {
            throw new IllegalStateException("call " + callId + " is already placed");
        }
        application = listener;
        return userAgent.call(callId, from, to, sdpOffer, null, credentials, this);
    }

    boolean placed() {
        return application != null;
    }

    @Override
    public void onProvisional(OutboundCall call, int status, String reason, String sdp) {
        queue.execute(() -> application.onProvisional(call, status, reason, sdp));
    }

    @Override
    public void onAnswered(OutboundCall call, String sdp) {
        queue.execute(() -> application.onAnswered(call, sdp));
    }

    @Override
    public void onFailed(OutboundCall call, int status, String reason) {
        queue.execute(() -> application.onFailed(call, status, reason));
        onDone.run();
    }

    @Override
    public void onEnded(OutboundCall call, CallEndReason reason) {
        queue.execute(() -> application.onEnded(call, reason));
        onDone.run();
    }

    @Override
    public void onModify(OutboundCall call, ModifyRequest request) {
        queue.execute(() -> application.onModify(call, request));
    }

    @Override
    public void onMessage(OutboundCall call, DialogMessage message) {
        queue.execute(() -> application.onMessage(call, message));
    }

    @Override
    public void onRefer(OutboundCall call, IncomingRefer refer) {
        queue.execute(() -> application.onRefer(call, refer));
    }
}
