package org.sipee.session;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI bean method told of a 3xx final response: the call is over; {@link CallResponse#contacts()} are where to try next, on a call the application placed:
 * {@code void m(CallResponse response)}. Every handler whose pattern matches the callee's URI runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RedirectResponse {

    /** Pattern for the callee's URI (the INVITE's request-URI), {@code *} matching anything. */
    String value() default "*";
}
