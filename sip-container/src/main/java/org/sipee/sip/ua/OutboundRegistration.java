package org.sipee.sip.ua;

import java.net.InetSocketAddress;

import org.sipee.sip.auth.UacCredentials;

/**
 * A binding of our contact to an address-of-record kept at a registrar (RFC 3261 §10.2), refreshed until
 * {@link #close()}. Thread-safe; the work happens on the stack's event loop.
 */
public interface OutboundRegistration {

    /** Default requested expiry (§10.2.1.1 leaves it to the UA; 3600 s is the registrar's usual default). */
    int DEFAULT_EXPIRES = 3600;

    /**
     * What to register.
     *
     * @param registrar   the Request-URI, e.g. {@code sip:192.0.2.5}; its host must be an IP literal unless
     *                    {@code nextHop} is given (no DNS here)
     * @param aor         the address-of-record: To and From (§10.2), a SIP URI or name-addr
     * @param contact     the Contact to bind; null for ours (the bound address, as in an INVITE)
     * @param expires     the expiry to ask for, in seconds (at least 1)
     * @param credentials for 401/407 challenges; null for none
     * @param nextHop     where REGISTERs go; null for the registrar URI's host and port
     */
    record Settings(String registrar, String aor, String contact, int expires, UacCredentials credentials,
                    InetSocketAddress nextHop) {

        public Settings {
            if (registrar == null || aor == null) {
                throw new IllegalArgumentException("registrar and aor must be given");
            }
            if (expires < 1) {
                throw new IllegalArgumentException("expires must be at least 1 second, was " + expires);
            }
        }

        /** Our contact, {@link #DEFAULT_EXPIRES}, the registrar URI as next hop. */
        public static Settings of(String registrar, String aor, UacCredentials credentials) {
            return new Settings(registrar, aor, null, DEFAULT_EXPIRES, credentials, null);
        }

        public Settings withContact(String newContact) {
            return new Settings(registrar, aor, newContact, expires, credentials, nextHop);
        }

        public Settings withExpires(int newExpires) {
            return new Settings(registrar, aor, contact, newExpires, credentials, nextHop);
        }

        public Settings withNextHop(InetSocketAddress newNextHop) {
            return new Settings(registrar, aor, contact, expires, credentials, newNextHop);
        }
    }

    RegistrationState state();

    /**
     * Removes our binding: a REGISTER with Expires: 0 for our contact (§10.2.2), after the one in flight if any;
     * then {@link RegistrationListener#onEnded()}. Does nothing once unregistering or ended.
     */
    void close();
}
