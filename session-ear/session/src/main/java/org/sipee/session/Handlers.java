package org.sipee.session;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.sipee.sip.ua.InboundCall;

/** Chooses and calls the application's handler methods. */
@ApplicationScoped
public class Handlers {

    private static final Logger LOG = Logger.getLogger(Handlers.class.getName());

    @Inject
    HandlerExtension extension;

    @Inject
    BeanManager beanManager;

    /** The most specific @Invite handler whose route matches the call. */
    Optional<HandlerMethod> inviteHandler(InboundCall call) {
        CallRoute.Target target = CallRoute.Target.of(call.requestUri(), call.from(), call.to());
        return extension.handlers(HandlerKind.INVITE).stream()
                .filter(h -> h.route().matches(target))
                .max(Comparator.comparingInt(h -> h.route().specificity()));
    }

    void invoke(HandlerMethod handler, IncomingCall call) throws Exception {
        handler.invoke(beanManager, call);
    }

    /** The @CallScoped context: the coordinator activates it around each call's deliveries and follow-ups. */
    CallContext callContext() {
        return extension.callContext();
    }

    boolean has(HandlerKind kind) {
        return !extension.handlers(kind).isEmpty();
    }

    /** The @Bye handlers hear of answered calls that ended, @Cancel of cancelled ones; a refused call has none. */
    void notifyEnded(CallEnded ended) {
        HandlerKind kind = switch (ended.reason()) {
            case CANCELLED -> HandlerKind.CANCEL;
            case REMOTE_BYE, LOCAL_BYE, NO_ACK, SHUTDOWN, SESSION_EXPIRED, MEDIA_TIMEOUT -> HandlerKind.BYE;
            case REJECTED -> null;
        };
        if (kind != null) {
            notify(kind, ended, ended.callId());
        }
    }

    /** A response to our INVITE, to the handlers of its class whose pattern matches the callee. */
    void notifyResponse(HandlerKind kind, CallResponse response) {
        OutgoingCall call = response.call();
        CallRoute.Target target = CallRoute.Target.of(call.requestUri(), call.from(), call.to());
        for (HandlerMethod handler : extension.handlers(kind)) {
            if (handler.route().matches(target)) {
                invoke(handler, response, call.callId());
            }
        }
    }

    /** Calls every handler of the kind; one failing does not stop the others. */
    void notify(HandlerKind kind, Object event, String callId) {
        for (HandlerMethod handler : extension.handlers(kind)) {
            invoke(handler, event, callId);
        }
    }

    private void invoke(HandlerMethod handler, Object event, String callId) {
        try {
            handler.invoke(beanManager, event);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "handler " + handler + " failed for " + callId, e);
        }
    }
}
