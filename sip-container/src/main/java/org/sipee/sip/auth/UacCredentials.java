package org.sipee.sip.auth;

/**
 * What we answer challenges to our own requests with (RFC 3261 §22.2, §22.3). {@link #toString()} does not show
 * the password.
 *
 * @param realm the realm these credentials are for; null answers any realm
 */
public record UacCredentials(String username, String password, String realm) {

    public UacCredentials {
        if (username == null || username.isEmpty()) {
            throw new IllegalArgumentException("username must not be empty");
        }
        if (password == null) {
            throw new IllegalArgumentException("password must not be null");
        }
    }

    /** Whether these credentials may answer a challenge of this realm. */
    public boolean answers(String challengeRealm) {
        return realm == null || realm.equals(challengeRealm);
    }

    @Override
    public String toString() {
        return "UacCredentials[username=" + username + ", realm=" + (realm == null ? "any" : realm) + "]";
    }
}
