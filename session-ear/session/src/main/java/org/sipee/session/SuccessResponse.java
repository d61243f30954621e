package org.sipee.session;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI bean method told of the 2xx that answered the call (media is then Active; the ACK is sent), on a call the application placed:
 * {@code void m(CallResponse response)}. Every handler whose pattern matches the callee's URI runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SuccessResponse {

    /** Pattern for the callee's URI (the INVITE's request-URI), {@code *} matching anything. */
    String value() default "*";
}
