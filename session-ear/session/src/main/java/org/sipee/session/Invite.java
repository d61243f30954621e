package org.sipee.session;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI bean method that takes new calls: {@code void m(IncomingCall call)}.
 * The value is a request-URI pattern where {@code *} matches anything, e.g. {@code "sip:support@*"};
 * when several match, the longest pattern wins.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Invite {
    String value() default "*";
}
