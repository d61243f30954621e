package org.sipee.session;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI bean method called for a REGISTER (RFC 3261 §10), to act as a registrar: {@code void m(OutOfCallRequest request)}, which may
 * answer it; unanswered when the handlers return, it gets the default answer (see {@link OutOfCallRequest}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Register {
}
