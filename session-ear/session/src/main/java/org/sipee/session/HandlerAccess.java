package org.sipee.session;

import java.lang.reflect.Method;
import java.util.Set;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.sipee.rar.api.SipIdentity;

/**
 * Who may reach a handler, the Jakarta EE way: {@code @RolesAllowed} on the method or its class (the method's own
 * annotation wins, {@code @PermitAll} on the method opens it again, {@code @DenyAll} closes it). An open handler needs
 * no authentication; a protected one is reached only by an authenticated caller in one of its roles.
 *
 * @param roles the roles allowed; null: open to anyone, empty: to nobody
 */
record HandlerAccess(Set<String> roles) {

    static final HandlerAccess OPEN = new HandlerAccess(null);

    static HandlerAccess of(Method method) {
        if (method.isAnnotationPresent(DenyAll.class)) {
            return new HandlerAccess(Set.of());
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return OPEN;
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed != null) {
            return new HandlerAccess(Set.of(allowed.value()));
        }
        return method.getDeclaringClass().isAnnotationPresent(DenyAll.class) ? new HandlerAccess(Set.of()) : OPEN;
    }

    boolean isProtected() {
        return roles != null;
    }

    boolean allows(SipIdentity identity) {
        return roles == null || roles.stream().anyMatch(identity::hasRole);
    }

    @Override
    public String toString() {
        return roles == null ? "open" : "roles " + roles;
    }
}
