package org.sipee.session;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI bean method that takes new calls: {@code void m(IncomingCall call)}. The patterns select the calls by
 * request-URI ({@code value}), From URI and To URI, where {@code *} matches anything, e.g.
 * {@code @Invite(value = "sip:support@*", from = "sip:*@partner.example")}. When several handlers match a call, the
 * most specific wins (the most literal characters over the three patterns); two handlers with the same three
 * patterns fail the deployment.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Invite {

    /** Request-URI pattern. */
    String value() default "*";

    /** Pattern for the URI of the From header (without display name and parameters). */
    String from() default "*";

    /** Pattern for the URI of the To header. */
    String to() default "*";
}
