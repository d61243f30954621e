package org.sipee.session;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;

/**
 * CDI portable extension: finds @Invite, @Bye, @Cancel and @Dtmf methods on managed beans at deployment
 * and fails the deployment when a signature is wrong or two @Invite handlers claim the same calls.
 */
public class HandlerExtension implements Extension {

    private final List<HandlerMethod> invite = new CopyOnWriteArrayList<>();
    private final List<HandlerMethod> bye = new CopyOnWriteArrayList<>();
    private final List<HandlerMethod> cancel = new CopyOnWriteArrayList<>();
    private final List<HandlerMethod> dtmf = new CopyOnWriteArrayList<>();

    <T> void collect(@Observes ProcessManagedBean<T> event) {
        for (AnnotatedMethod<? super T> annotated : event.getAnnotatedBeanClass().getMethods()) {
            Method method = annotated.getJavaMember();
            Invite onInvite = annotated.getAnnotation(Invite.class);
            if (onInvite != null) {
                check(event, method, true, IncomingCall.class);
                addInvite(event, new HandlerMethod(event.getBean(), method, CallRoute.of(onInvite)));
            }
            if (annotated.isAnnotationPresent(Bye.class)) {
                check(event, method, false, CallEnded.class);
                bye.add(new HandlerMethod(event.getBean(), method, null));
            }
            if (annotated.isAnnotationPresent(Cancel.class)) {
                check(event, method, false, CallEnded.class);
                cancel.add(new HandlerMethod(event.getBean(), method, null));
            }
            if (annotated.isAnnotationPresent(Dtmf.class)) {
                check(event, method, true, DtmfReceived.class);
                dtmf.add(new HandlerMethod(event.getBean(), method, null));
            }
        }
    }

    /** Two handlers for the same calls would leave the choice to chance: the deployment fails naming both. */
    private void addInvite(ProcessManagedBean<?> event, HandlerMethod handler) {
        for (HandlerMethod other : invite) {
            if (other.route().equals(handler.route())) {
                event.addDefinitionError(new IllegalArgumentException("@Invite handlers " + other + " and " + handler
                        + " both claim the calls of " + handler.route() + ": give one of them other patterns"));
                return;
            }
        }
        invite.add(handler);
    }

    private static void check(ProcessManagedBean<?> event, Method method, boolean argRequired, Class<?> argType) {
        Class<?>[] params = method.getParameterTypes();
        boolean ok = params.length == 1 ? params[0].isAssignableFrom(argType) : params.length == 0 && !argRequired;
        if (!ok) {
            event.addDefinitionError(new IllegalArgumentException("handler " + method + " must take "
                    + (argRequired ? "" : "nothing or ") + "one " + argType.getSimpleName()));
        }
    }

    List<HandlerMethod> inviteHandlers() {
        return invite;
    }

    List<HandlerMethod> byeHandlers() {
        return bye;
    }

    List<HandlerMethod> cancelHandlers() {
        return cancel;
    }

    List<HandlerMethod> dtmfHandlers() {
        return dtmf;
    }
}
