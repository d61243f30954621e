package org.sipee.session;

import java.util.Optional;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.resource.ResourceException;

import org.sipee.rar.api.AnswerTimeout;
import org.sipee.rar.api.Dial;
import org.sipee.rar.api.ListenerRegistration;
import org.sipee.rar.api.SipApplicationListener;
import org.sipee.rar.api.SipConnection;
import org.sipee.rar.api.SipConnectionFactory;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.DialogMessage;
import org.sipee.sip.ua.InboundCall;
import org.sipee.sip.ua.IncomingRefer;
import org.sipee.sip.ua.ModifyRequest;
import org.sipee.sip.ua.OutOfDialogRequest;

/**
 * Connects the application to the resource adapter: registers on startup, unregisters on
 * shutdown, and turns the adapter's call events into sessions and handler calls. Events arrive
 * on the adapter's worker threads, in order per call.
 */
@ApplicationScoped
public class SessionCoordinator implements SipApplicationListener {

    private static final Logger LOG = Logger.getLogger(SessionCoordinator.class.getName());

    @Resource(lookup = "java:/sip/SipConnectionFactory")
    SipConnectionFactory connectionFactory;

    @Inject
    SessionRegistry registry;

    @Inject
    Handlers handlers;

    @Inject
    Registrations registrations;

    /** Session events for the application's observers (SessionCreated, SessionStateChanged, ...). */
    @Inject
    Event<Object> events;

    /** Times the answer of undecided calls: the server's default scheduler (Jakarta Concurrency), so nothing of ours outlives the application. */
    @Resource
    ManagedScheduledExecutorService scheduler;

    private EngineAccess engine;
    private CallAdmission admission;
    private Future<?> answerSweep;
    private ListenerRegistration registration;

    /** Fired once per module of the deployment: registering is idempotent. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) throws ResourceException {
        start();
    }

    synchronized void start() throws ResourceException {
        if (registration == null) {
            engine = new EngineAccess(connectionFactory);
            try (SipConnection connection = connectionFactory.getConnection()) {
                AnswerTimeout answerTimeout = connection.answerTimeout();
                admission = new CallAdmission(new SipAuthentication(connection.security()), registry);
                registrations.start(connection.security(), scheduler);
                registration = connection.register(this);
                answerSweep = AnswerSweep.start(scheduler, registry, answerTimeout);
                LOG.info(() -> "sipee sessions registered with the SIP adapter on " + connection.sipAddress());
            }
        }
    }

    private synchronized EngineAccess engine() {
        return engine;
    }

    private synchronized CallAdmission admission() {
        return admission;
    }

    /** The application is going away: its calls end on the wire (BYE, CANCEL or 503) and their media is released. */
    @PreDestroy
    synchronized void shutdown() {
        if (registration == null) {
            return;
        }
        registration.close();
        registrations.stop();
        if (answerSweep != null) {
            answerSweep.cancel(false);
        }
        for (BaseSession session : registry.sessions()) {
            session.abandon();
            registry.remove(session);
        }
        handlers.callContext().endAll();
        registration = null;
        LOG.info("sipee sessions unregistered from the SIP adapter");
    }

    @Override
    public void onInvite(InboundCall call) {
        BaseSession replaced = call.replacedCallId() == null ? null : registry.session(call.replacedCallId());
        if (call.replacedCallId() != null && replaced == null) { // RFC 3891 §3: not a call of this application
            call.reject(481, "Call/Transaction Does Not Exist");
            return;
        }
        BaseSession partner = replaced == null ? null : replaced.partner(); // a bridged call is taken over here
        Optional<HandlerMethod> handler = handlers.inviteHandler(call);
        if (handler.isEmpty() && partner == null) {
            call.reject(404, "Not Found");
            return;
        }
        CallAdmission.Verdict verdict = partner == null ? admission().admit(call, handler.get()) : CallAdmission.Verdict.OPEN;
        if (!verdict.admitted()) {
            return; // challenged or refused before any session: the caller answers the challenge with a new INVITE
        }
        CallSession session = new CallSession(call, engine(), events::fire, handlers.callContext());
        session.authenticated(verdict.caller());
        started(session);
        if (replaced != null) {
            Replacement.take(session, replaced, partner);
        }
        if (partner != null) {
            return;
        }
        try {
            handlers.callContext().run(call.callId(), () -> handlers.invoke(handler.get(), session));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "@Invite handler " + handler.get() + " failed on " + call.callId(), e);
            call.reject(500, "Server Internal Error");
        }
    }

    /** A delivery of one call runs in its @CallScoped context: what completes its stages runs their continuations. */
    void inCall(String callId, Runnable delivery) {
        handlers.callContext().within(callId, delivery);
    }

    /** A call an EE component dialled through the connection factory: our offer, then the INVITE. */
    @Override
    public void onDial(Dial dial) {
        OutboundSession session = new OutboundSession(dial, engine(), events::fire, handlers.callContext());
        started(session);
        if (dial.context() instanceof LinkedDial linked && !linked.attach(session)) {
            session.failed(487, "Request Terminated");
            ended(session, CallEndReason.CANCELLED);
            return;
        }
        try {
            inCall(dial.callId(), () -> session.place(new OutboundEvents(session, handlers, this)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not place " + dial.callId() + " to " + dial.to(), e);
            session.failed(503, "Service Unavailable");
            ended(session, CallEndReason.REJECTED);
        }
    }

    private void started(BaseSession session) {
        handlers.callContext().begin(session.callId());
        registry.add(session);
        inCall(session.callId(), () -> events.fire(new SessionCreated(session))); // on this worker, before the handler decides
        if (handlers.has(HandlerKind.DTMF)) {
            session.onDtmf(digit -> handlers.notify(HandlerKind.DTMF, new DtmfReceived(session, digit), session.callId()));
        }
    }

    @Override
    public void onAck(InboundCall call) {
        if (registry.session(call.callId()) instanceof CallSession session) {
            inCall(call.callId(), () -> {
                session.acknowledged();
                if (session.state() == SessionState.Connected) {
                    handlers.notify(HandlerKind.ACK, session, call.callId());
                }
            });
        }
    }

    /** The caller's re-INVITE or UPDATE: hold, resume, codec change (the session answers it). */
    @Override
    public void onModify(InboundCall call, ModifyRequest request) {
        BaseSession session = registry.session(call.callId());
        if (session == null) {
            request.answerByDefault();
        } else {
            inCall(call.callId(), () -> modify(session, request));
        }
    }

    /** The session answers, then an UPDATE's handlers hear of it. */
    void modify(BaseSession session, ModifyRequest request) {
        session.modify(request);
        if (request.method().equals("UPDATE")) {
            handlers.notify(HandlerKind.UPDATE, new RequestReceived(session, request.request()), session.callId());
        }
    }

    @Override
    public void onMessage(InboundCall call, DialogMessage message) {
        BaseSession session = registry.session(call.callId());
        if (session != null) {
            inCall(call.callId(), () -> message(session, message));
        }
    }

    @Override
    public void onRefer(InboundCall call, IncomingRefer refer) {
        BaseSession session = registry.session(call.callId());
        if (session == null) {
            refer.reject(481, "Call/Transaction Does Not Exist");
        } else {
            inCall(call.callId(), () -> refer(session, refer));
        }
    }

    /** A transfer the peer asks for: the @Refer handlers decide; undecided, it is declined. */
    void refer(BaseSession session, IncomingRefer refer) {
        TransferRequest request = new TransferRequest(session, refer);
        try {
            handlers.notify(HandlerKind.REFER, request, session.callId());
        } finally {
            request.declineIfUndecided();
        }
    }

    /** INFO or MESSAGE, already answered 200 by the stack. */
    void message(BaseSession session, DialogMessage message) {
        HandlerKind kind = HandlerKind.ofRequest(message.method());
        if (kind != null) {
            handlers.notify(kind, new RequestReceived(session, message.request()), session.callId());
        }
    }

    /** OPTIONS or REGISTER outside a call: the @Options or @Register handlers may answer, else our capabilities or the registrar. */
    @Override
    public void onRequest(OutOfDialogRequest request) {
        boolean register = request.method().equals("REGISTER");
        OutOfCallRequest received = new OutOfCallRequest(request);
        try {
            handlers.notify(register ? HandlerKind.REGISTER : HandlerKind.OPTIONS, received, request.request().callId());
            if (register && received.claim()) {
                registrations.serve(request, admission().authentication());
            }
        } finally {
            received.answerIfUnanswered();
        }
    }

    /**
     * @Bye handlers also learn of SESSION_EXPIRED (RFC 4028 §10, no refresh in time, the engine sent BYE) and
     * MEDIA_TIMEOUT (no RTP for the adapter's mediaTimeoutSeconds, the session sent BYE).
     */
    @Override
    public void onCallEnded(InboundCall call, CallEndReason reason) {
        BaseSession session = registry.session(call.callId());
        if (session != null) {
            inCall(call.callId(), () -> ended(session, reason));
        }
    }

    /** A leg listener that throws is logged; the call's own handling goes on. */
    static void tell(BaseSession session, Runnable notification) {
        try {
            notification.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "linked call of " + session.callId() + " failed to follow it", e);
        }
    }

    /** The session ends: media released, the end handlers told, then it is forgotten and SessionTerminated fires. */
    void ended(BaseSession session, CallEndReason reason) {
        SessionState before = session.terminating(reason);
        CallEndReason why = session.endReason(reason);
        CallEnded ended = new CallEnded(session.callId(), session.from(), session.to(), why, before, session.rtpStats());
        session.legListeners().forEach(leg -> tell(session, () -> leg.ended(session, why)));
        try {
            handlers.notifyEnded(ended);
        } finally {
            session.terminated();
            registry.remove(session);
            session.publishEnd(ended);
            session.followUps().execute(() -> handlers.callContext().end(session.callId())); // after the last event
        }
    }
}
