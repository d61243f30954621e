package org.sipee.session;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.context.NormalScope;

/**
 * One instance of the bean per call, for state a call's handlers share: created when a handler, session-event
 * observer or follow-up of the call (a stage continuation on the call's worker) first uses it, destroyed
 * (@PreDestroy) after the call's last event, {@link SessionTerminated}. Used outside a call's handlers it throws
 * {@link jakarta.enterprise.context.ContextNotActiveException}.
 */
@NormalScope
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
public @interface CallScoped {
}
