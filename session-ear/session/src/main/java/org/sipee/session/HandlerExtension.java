package org.sipee.session;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;

/**
 * CDI portable extension: finds the handler methods ({@link HandlerKind}) on managed beans at deployment and fails
 * the deployment when a signature is wrong or two @Invite handlers claim the same calls; registers the
 * {@link CallScoped} context.
 */
public class HandlerExtension implements Extension {

    private final Map<HandlerKind, List<HandlerMethod>> handlers = new EnumMap<>(HandlerKind.class);
    private final CallContext callContext = new CallContext();

    public HandlerExtension() {
        for (HandlerKind kind : HandlerKind.values()) {
            handlers.put(kind, new CopyOnWriteArrayList<>());
        }
    }

    <T> void collect(@Observes ProcessManagedBean<T> event) {
        for (AnnotatedMethod<? super T> annotated : event.getAnnotatedBeanClass().getMethods()) {
            Method method = annotated.getJavaMember();
            for (HandlerKind kind : HandlerKind.values()) {
                Annotation found = annotated.getAnnotation(kind.annotation);
                if (found != null && signatureFits(event, method, kind) && accessFits(event, method, kind)) {
                    add(event, kind, new HandlerMethod(event.getBean(), method, kind.route(found)));
                }
            }
        }
    }

    /** Two @Invite handlers for the same calls would leave the choice to chance: the deployment fails naming both. */
    private void add(ProcessManagedBean<?> event, HandlerKind kind, HandlerMethod handler) {
        if (kind == HandlerKind.INVITE) {
            for (HandlerMethod other : handlers.get(kind)) {
                if (other.route().equals(handler.route())) {
                    event.addDefinitionError(new IllegalArgumentException("@Invite handlers " + other + " and " + handler
                            + " both claim the calls of " + handler.route() + ": give one of them other patterns"));
                    return;
                }
            }
        }
        handlers.get(kind).add(handler);
    }

    private static boolean signatureFits(ProcessManagedBean<?> event, Method method, HandlerKind kind) {
        Class<?>[] params = method.getParameterTypes();
        boolean ok = params.length == 1 ? params[0].isAssignableFrom(kind.argType) : params.length == 0 && !kind.argRequired;
        if (!ok) {
            event.addDefinitionError(new IllegalArgumentException("@" + kind.annotation.getSimpleName() + " handler "
                    + method + " must take " + (kind.argRequired ? "" : "nothing or ") + "one " + kind.argType.getSimpleName()));
        }
        return ok;
    }

    /** Only a new call is authenticated: a role on another kind of handler would protect nothing. */
    private static boolean accessFits(ProcessManagedBean<?> event, Method method, HandlerKind kind) {
        if (kind != HandlerKind.INVITE && method.isAnnotationPresent(jakarta.annotation.security.RolesAllowed.class)) {
            event.addDefinitionError(new IllegalArgumentException("@RolesAllowed on @" + kind.annotation.getSimpleName()
                    + " handler " + method + ": only @Invite handlers are protected (their calls are authenticated)"));
            return false;
        }
        return true;
    }

    void addCallContext(@Observes AfterBeanDiscovery event) {
        event.addContext(callContext);
    }

    CallContext callContext() {
        return callContext;
    }

    List<HandlerMethod> handlers(HandlerKind kind) {
        return handlers.get(kind);
    }
}
