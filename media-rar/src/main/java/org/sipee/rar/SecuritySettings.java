package org.sipee.rar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.sipee.sip.auth.AuthPolicy;
import org.sipee.sip.auth.DigestAlgorithm;
import org.sipee.sip.registrar.RegistrarPolicy;

/**
 * The phones' side of the adapter's config-properties: which Elytron security domain authenticates them and in which
 * digest realm, how failures are throttled, what the registrar grants and how many calls one user may have.
 */
record SecuritySettings(String securityDomain, String realm, AuthPolicy auth, RegistrarPolicy registrations,
                        int maxCallsPerUser) {

    /** Empty when securityDomain is empty (authentication off). */
    static Optional<SecuritySettings> from(SipResourceAdapter ra) {
        String domain = ra.getSecurityDomain() == null ? "" : ra.getSecurityDomain().trim();
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        String realm = ra.getAuthRealm() == null ? "" : ra.getAuthRealm().trim();
        if (realm.isEmpty() || realm.contains("\"") || realm.contains("\\")) {
            throw new IllegalArgumentException("authRealm must be a non-empty name without quotes or backslashes, was '"
                    + ra.getAuthRealm() + "'");
        }
        AuthPolicy auth = new AuthPolicy(
                Duration.ofSeconds(EngineSettings.range("nonceLifetimeSeconds", ra.getNonceLifetimeSeconds(), 10, 86_400)),
                EngineSettings.range("authFailureLimit", ra.getAuthFailureLimit(), 1, 1000),
                Duration.ofSeconds(EngineSettings.range("authFailureWindowSeconds", ra.getAuthFailureWindowSeconds(), 1, 86_400)),
                Duration.ofSeconds(EngineSettings.range("authBanSeconds", ra.getAuthBanSeconds(), 1, 86_400)),
                algorithms(ra.getDigestAlgorithms()), userAgents(ra.getMd5OnlyUserAgents()));
        int minExpires = EngineSettings.range("registrationMinExpires", ra.getRegistrationMinExpires(), 1, 3600); // §10.3: 423 only below an hour
        int maxExpires = EngineSettings.range("registrationMaxExpires", ra.getRegistrationMaxExpires(), minExpires, 604_800);
        RegistrarPolicy registrations = new RegistrarPolicy(minExpires, maxExpires,
                Math.min(Math.max(RegistrarPolicy.defaults().defaultExpires(), minExpires), maxExpires),
                EngineSettings.range("maxRegistrationsPerUser", ra.getMaxRegistrationsPerUser(), 1, 1000));
        int maxCalls = EngineSettings.range("maxCallsPerUser", ra.getMaxCallsPerUser(), 1, 10_000);
        return Optional.of(new SecuritySettings(domain, realm, auth, registrations, maxCalls));
    }

    /** "SHA-256,MD5": the challenges, in order of preference. */
    private static List<DigestAlgorithm> algorithms(String value) {
        List<DigestAlgorithm> algorithms = new ArrayList<>();
        for (String name : (value == null ? "" : value).split(",")) {
            DigestAlgorithm algorithm = DigestAlgorithm.of(name.trim()).filter(a -> !name.isBlank()).orElseThrow(() ->
                    new IllegalArgumentException("digestAlgorithms must list SHA-256 and/or MD5, e.g. SHA-256,MD5, was '"
                            + value + "'"));
            if (algorithms.contains(algorithm)) {
                throw new IllegalArgumentException("digestAlgorithms names " + name.trim() + " twice: '" + value + "'");
            }
            algorithms.add(algorithm);
        }
        return algorithms;
    }

    private static Pattern userAgents(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Pattern.compile(value.trim());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("md5OnlyUserAgents must be a regular expression: " + e.getDescription()
                    + ", was '" + value + "'");
        }
    }
}
