package org.sipee.session;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.resource.ResourceException;

import org.sipee.rar.api.ListenerRegistration;
import org.sipee.rar.api.SipApplicationListener;
import org.sipee.rar.api.SipConnection;
import org.sipee.rar.api.SipConnectionFactory;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.InboundCall;
import org.sipee.sip.ua.ModifyRequest;

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

    /** Session events for the application's observers (SessionCreated, SessionStateChanged, ...). */
    @Inject
    Event<Object> events;

    private EngineAccess engine;
    private ListenerRegistration registration;

    /** Fired once per module of the deployment: registering is idempotent. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) throws ResourceException {
        start();
    }

    synchronized void start() throws ResourceException {
        if (registration == null) {
            engine = new EngineAccess(connectionFactory);
            try (SipConnection connection = connectionFactory.getConnection()) {
                registration = connection.register(this);
                LOG.info(() -> "sipee sessions registered with the SIP adapter on " + connection.sipAddress());
            }
        }
    }

    private synchronized EngineAccess engine() {
        return engine;
    }

    @PreDestroy
    synchronized void shutdown() {
        if (registration == null) {
            return;
        }
        registration.close();
        for (CallSession session : registry.sessions()) {
            session.abandon();
            registry.remove(session);
        }
        registration = null;
        LOG.info("sipee sessions unregistered from the SIP adapter");
    }

    @Override
    public void onInvite(InboundCall call) {
        Optional<HandlerMethod> handler = handlers.inviteHandler(call);
        if (handler.isEmpty()) {
            call.reject(404, "Not Found");
            return;
        }
        CallSession session = new CallSession(call, engine(), events::fire);
        registry.add(session);
        events.fire(new SessionCreated(session)); // on this worker, before the handler decides
        if (handlers.hasDtmfHandlers()) {
            session.onDtmf(digit -> handlers.notifyDtmf(session, digit));
        }
        try {
            handlers.invoke(handler.get(), session);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "@Invite handler " + handler.get() + " failed on " + call.callId(), e);
            call.reject(500, "Server Internal Error");
        }
    }

    @Override
    public void onAck(InboundCall call) {
        CallSession session = registry.session(call.callId());
        if (session != null) {
            session.acknowledged();
        }
    }

    /** The caller's re-INVITE or UPDATE: hold, resume, codec change (the session answers it). */
    @Override
    public void onModify(InboundCall call, ModifyRequest request) {
        CallSession session = registry.session(call.callId());
        if (session == null) {
            request.answerByDefault();
        } else {
            session.modify(request);
        }
    }

    /**
     * @Bye handlers also learn of SESSION_EXPIRED (RFC 4028 §10, no refresh in time, the engine sent BYE) and
     * MEDIA_TIMEOUT (no RTP for the adapter's mediaTimeoutSeconds, the session sent BYE).
     */
    @Override
    public void onCallEnded(InboundCall call, CallEndReason reason) {
        CallSession session = registry.session(call.callId());
        if (session == null) {
            return;
        }
        SessionState before = session.terminating(reason);
        CallEndReason why = session.endReason(reason);
        CallEnded ended = new CallEnded(call.callId(), call.from(), call.to(), why, before, session.rtpStats());
        try {
            handlers.notifyEnded(handlersFor(why), ended);
        } finally {
            session.terminated();
            registry.remove(session);
            session.publishEnd(ended);
        }
    }

    private List<HandlerMethod> handlersFor(CallEndReason reason) {
        return switch (reason) {
            case CANCELLED -> handlers.cancelHandlers();
            case REMOTE_BYE, LOCAL_BYE, NO_ACK, SHUTDOWN, SESSION_EXPIRED, MEDIA_TIMEOUT -> handlers.byeHandlers();
            case REJECTED -> List.of();
        };
    }
}
