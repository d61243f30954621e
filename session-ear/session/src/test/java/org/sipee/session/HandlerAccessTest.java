package org.sipee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.junit.jupiter.api.Test;
import org.sipee.rar.api.SipIdentity;

/** @RolesAllowed, @PermitAll and @DenyAll on handler methods and their class, as Jakarta EE reads them. */
class HandlerAccessTest {

    @RolesAllowed("phone")
    static class Protected {
        void inherits() { }
        @RolesAllowed({"operator", "admin"}) void own() { }
        @PermitAll void open() { }
        @DenyAll void closed() { }
    }

    static class Open {
        void anyone() { }
    }

    private static final SipIdentity PHONE = new SipIdentity("alice", Set.of("phone"));

    @Test
    void theClassRoleApplies() throws Exception {
        HandlerAccess access = HandlerAccess.of(Protected.class.getDeclaredMethod("inherits"));
        assertTrue(access.isProtected());
        assertTrue(access.allows(PHONE));
        assertFalse(access.allows(new SipIdentity("carol", Set.of())));
    }

    @Test
    void theMethodsOwnAnnotationWins() throws Exception {
        assertEquals(Set.of("operator", "admin"), HandlerAccess.of(Protected.class.getDeclaredMethod("own")).roles());
        assertFalse(HandlerAccess.of(Protected.class.getDeclaredMethod("own")).allows(PHONE));
        assertFalse(HandlerAccess.of(Protected.class.getDeclaredMethod("open")).isProtected());
        assertFalse(HandlerAccess.of(Protected.class.getDeclaredMethod("closed")).allows(PHONE));
    }

    @Test
    void noAnnotationIsOpen() throws Exception {
        assertEquals(HandlerAccess.OPEN, HandlerAccess.of(Open.class.getDeclaredMethod("anyone")));
    }
}
