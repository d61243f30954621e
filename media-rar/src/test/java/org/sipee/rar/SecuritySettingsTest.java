package org.sipee.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.resource.spi.ResourceAdapterInternalException;

import org.junit.jupiter.api.Test;
import org.sipee.sip.auth.AuthPolicy;
import org.sipee.sip.auth.DigestAlgorithm;
import org.sipee.sip.registrar.RegistrarPolicy;

/** The phones' config-properties: defaults of ra.xml, off when securityDomain is empty, and bad values named. */
class SecuritySettingsTest {

    @Test
    void defaults() throws Exception {
        SecuritySettings settings = EngineSettings.from(new SipResourceAdapter()).security().orElseThrow();
        assertEquals("SipeeDomain", settings.securityDomain());
        assertEquals("sipee", settings.realm());
        assertEquals(new AuthPolicy(Duration.ofSeconds(300), 5, Duration.ofSeconds(60), Duration.ofSeconds(300),
                List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), Pattern.compile("(?i)^(baresip|sipp)")), settings.auth());
        assertEquals(List.of(DigestAlgorithm.MD5), settings.auth().algorithmsFor("baresip v1.0.0 (x86_64/linux)"));
        assertEquals(new RegistrarPolicy(60, 7200, 3600, 10), settings.registrations());
        assertEquals(10, settings.maxCallsPerUser());
    }

    @Test
    void anEmptySecurityDomainTurnsAuthenticationOff() throws Exception {
        SipResourceAdapter ra = new SipResourceAdapter();
        ra.setSecurityDomain(" ");
        assertEquals(Optional.empty(), EngineSettings.from(ra).security());
    }

    @Test
    void theDefaultExpiryStaysWithinTheGrantedRange() throws Exception {
        SipResourceAdapter ra = new SipResourceAdapter();
        ra.setRegistrationMaxExpires(600);
        assertEquals(600, EngineSettings.from(ra).security().orElseThrow().registrations().defaultExpires());
    }

    @Test
    void badValuesNameTheirProperty() {
        assertNamed("authRealm", ra -> ra.setAuthRealm("a\"b"));
        assertNamed("nonceLifetimeSeconds", ra -> ra.setNonceLifetimeSeconds(0));
        assertNamed("digestAlgorithms", ra -> ra.setDigestAlgorithms("SHA-512"));
        assertNamed("digestAlgorithms", ra -> ra.setDigestAlgorithms("MD5,md5"));
        assertNamed("digestAlgorithms", ra -> ra.setDigestAlgorithms(""));
        assertNamed("md5OnlyUserAgents", ra -> ra.setMd5OnlyUserAgents("(unclosed"));
        assertNamed("authFailureLimit", ra -> ra.setAuthFailureLimit(0));
        assertNamed("authBanSeconds", ra -> ra.setAuthBanSeconds(null));
        assertNamed("registrationMinExpires", ra -> ra.setRegistrationMinExpires(7200));
        assertNamed("registrationMaxExpires", ra -> ra.setRegistrationMaxExpires(30));
        assertNamed("maxRegistrationsPerUser", ra -> ra.setMaxRegistrationsPerUser(0));
        assertNamed("maxCallsPerUser", ra -> ra.setMaxCallsPerUser(-1));
    }

    private static void assertNamed(String property, java.util.function.Consumer<SipResourceAdapter> misconfigure) {
        SipResourceAdapter ra = new SipResourceAdapter();
        misconfigure.accept(ra);
        ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class, () -> EngineSettings.from(ra));
        assertTrue(e.getMessage().contains(property), e.getMessage());
    }
}
