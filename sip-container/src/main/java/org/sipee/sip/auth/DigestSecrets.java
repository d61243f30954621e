package org.sipee.sip.auth;

/**
 * Where a {@link DigestAuthenticator} finds the credentials of a user. Called on a worker thread, never on the
 * event loop; it may block briefly (a database or directory lookup).
 */
@FunctionalInterface
public interface DigestSecrets {

    /**
     * H(username:realm:password) for this algorithm in lower-case hex (RFC 7616 §3.4.2), or null when the user is
     * unknown or no credential of the user fits (e.g. only an MD5 HA1 is stored and SHA-256 is asked).
     */
    String ha1(String username, String realm, DigestAlgorithm algorithm);
}
