package org.sipee.session;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI bean method called for each DTMF digit (RFC 4733) a caller sends in any call of the application:
 * {@code void m(DtmfReceived dtmf)}. It runs on the call's worker, in order with the call's other events; for one
 * call's digits only, see {@link Call#onDtmf}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Dtmf {
}
