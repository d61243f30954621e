package org.sipee.sip.auth;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthPolicyTest {

    @Test
    void policyDefaultsAndValidation() {
        AuthPolicy defaults = AuthPolicy.defaults();
        assertEquals(Duration.ofSeconds(300), defaults.nonceLifetime());
        assertEquals(5, defaults.maxFailures());
        assertThrows(IllegalArgumentException.class, () -> new AuthPolicy(Duration.ZERO, 5, Duration.ofSeconds(1),
                Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new AuthPolicy(Duration.ofSeconds(1), 0,
                Duration.ofSeconds(1), Duration.ofSeconds(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AuthPolicy(
                Duration.ofSeconds(1), 1, Duration.ofSeconds(1), null));
        assertTrue(e.getMessage().startsWith("banTime"));
    }

}
