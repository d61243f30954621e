package org.sipee.session;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.inject.spi.BeanManager;

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
        return extension.inviteHandlers().stream()
                .filter(h -> h.route().matches(call.requestUri(), call.from(), call.to()))
                .max(Comparator.comparingInt(h -> h.route().specificity()));
    }

    void invoke(HandlerMethod handler, IncomingCall call) throws Exception {
        handler.invoke(beanManager, call);
    }

    void notifyEnded(List<HandlerMethod> handlers, CallEnded ended) {
        notifyAll(handlers, ended, ended.callId());
    }

    /** The @Dtmf handlers, if the application has any. */
    void notifyDtmf(Call call, char digit) {
        notifyAll(extension.dtmfHandlers(), new DtmfReceived(call, digit), call.callId());
    }

    boolean hasDtmfHandlers() {
        return !extension.dtmfHandlers().isEmpty();
    }

    /** Calls every handler of the list; one failing does not stop the others. */
    private void notifyAll(List<HandlerMethod> handlers, Object event, String callId) {
        for (HandlerMethod handler : handlers) {
            try {
                handler.invoke(beanManager, event);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "handler " + handler + " failed for " + callId, e);
            }
        }
    }

    List<HandlerMethod> byeHandlers() {
        return extension.byeHandlers();
    }

    List<HandlerMethod> cancelHandlers() {
        return extension.cancelHandlers();
    }
}
