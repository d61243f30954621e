package org.sipee.session;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI bean method called for an UPDATE with an SDP offer (RFC 3311) the peer sends in a call, once the session
 * answered it (hold, resume or codec change, as for a re-INVITE): {@code void m(RequestReceived update)}, whose body is
 * the offer.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Update {
}
