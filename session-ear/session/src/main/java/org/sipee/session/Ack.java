package org.sipee.session;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI bean method called when the caller's ACK confirms an answered incoming call (RFC 3261 §13.3.1.4), after
 * the answer stage completed: {@code void m(IncomingCall call)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Ack {
}
