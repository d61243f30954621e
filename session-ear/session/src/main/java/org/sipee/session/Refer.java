package org.sipee.session;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI bean method called when the peer of a call asks us to transfer it (a REFER, RFC 3515):
 * {@code void m(TransferRequest request)}; it decides with {@link TransferRequest#accept()} or
 * {@link TransferRequest#reject}. A REFER no handler decides is declined (603).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Refer {
}
