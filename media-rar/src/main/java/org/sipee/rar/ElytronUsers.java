package org.sipee.rar;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.resource.spi.ResourceAdapterInternalException;

import org.jboss.as.server.CurrentServiceContainer;
import org.jboss.msc.service.ServiceController;
import org.jboss.msc.service.ServiceName;
import org.sipee.rar.api.SipIdentity;
import org.sipee.rar.api.UserDirectory;
import org.sipee.sip.auth.DigestAlgorithm;
import org.sipee.sip.auth.DigestSecrets;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.auth.server.ServerAuthenticationContext;
import org.wildfly.security.credential.PasswordCredential;
import org.wildfly.security.password.interfaces.ClearPassword;
import org.wildfly.security.password.interfaces.DigestPassword;
import org.wildfly.security.password.spec.DigestPasswordAlgorithmSpec;

/**
 * SIP users from a WildFly Elytron security domain (config-property securityDomain): the digest secret of a user
 * (from a clear password, or a realm's stored digest for that algorithm and realm name, e.g. the properties realm's
 * MD5 hashes) and the roles of an authenticated user, mapped as the domain maps them. Nothing here is logged but
 * user names and failures.
 */
final class ElytronUsers implements DigestSecrets, UserDirectory {

    private static final Logger LOG = Logger.getLogger(ElytronUsers.class.getName());
    /** The service of an Elytron security-domain resource: its capability's service name. */
    private static final String DOMAIN_CAPABILITY = "org.wildfly.security.security-domain";

    private static final long START_TIMEOUT_SECONDS = 10;

    private final String domainName;
    private final SecurityDomain domain;

    private ElytronUsers(String domainName, SecurityDomain domain) {
        this.domainName = domainName;
        this.domain = domain;
    }

    /**
     * The domain the server runs under this name, started if nothing used it yet (Elytron domains start on demand);
     * a missing one fails the adapter's start, naming the setting.
     */
    static ElytronUsers of(String domainName) throws ResourceAdapterInternalException {
        ServiceController<?> service = CurrentServiceContainer.getServiceContainer()
                .getService(ServiceName.parse(DOMAIN_CAPABILITY + "." + domainName));
        Object domain = null;
        String why = "there is no such domain";
        if (service != null) {
            if (service.getMode() == ServiceController.Mode.ON_DEMAND || service.getMode() == ServiceController.Mode.LAZY) {
                service.setMode(ServiceController.Mode.ACTIVE);
            }
            try {
                domain = service.awaitValue(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (IllegalStateException | TimeoutException e) {
                why = "it did not start: " + service.getState();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                why = "interrupted while it started";
            }
        }
        if (!(domain instanceof SecurityDomain securityDomain)) {
            throw new ResourceAdapterInternalException("media-rar: invalid config-property: securityDomain '"
                    + domainName + "' is not a running Elytron security domain (/subsystem=elytron/security-domain="
                    + domainName + "): " + why + "; empty turns SIP authentication off");
        }
        return new ElytronUsers(domainName, securityDomain);
    }

    /** Each lookup's context is closed: a file-system realm holds a lock on the identity until then. */
    @Override
    public String ha1(String username, String realm, DigestAlgorithm algorithm) {
        try (ServerAuthenticationContext context = domain.createNewAuthenticationContext()) {
            context.setAuthenticationName(username);
            if (!context.exists()) {
                return null;
            }
            PasswordCredential clear = context.getCredential(PasswordCredential.class, ClearPassword.ALGORITHM_CLEAR);
            if (clear != null) {
                char[] password = clear.getPassword(ClearPassword.class).getPassword();
                return algorithm.hash(username + ':' + realm + ':' + new String(password));
            }
            PasswordCredential stored = context.getCredential(PasswordCredential.class, storedAlgorithm(algorithm),
                    new DigestPasswordAlgorithmSpec(username, realm));
            return stored == null ? null : HexFormat.of().formatHex(stored.getPassword(DigestPassword.class).getDigest());
        } catch (RealmUnavailableException | RuntimeException e) {
            LOG.log(Level.WARNING, "security domain " + domainName + " could not give the credential of " + username, e);
            return null;
        }
    }

    @Override
    public Optional<SipIdentity> identity(String username) {
        try (ServerAuthenticationContext context = domain.createNewAuthenticationContext()) {
            context.setAuthenticationName(username);
            if (!context.exists() || !context.authorize()) {
                return Optional.empty(); // gone since, or without the domain's login permission
            }
            SecurityIdentity identity = context.getAuthorizedIdentity();
            Set<String> roles = new HashSet<>();
            identity.getRoles().forEach(roles::add);
            return Optional.of(new SipIdentity(identity.getPrincipal().getName(), Set.copyOf(roles)));
        } catch (RealmUnavailableException | RuntimeException e) {
            LOG.log(Level.WARNING, "security domain " + domainName + " could not authorize " + username, e);
            return Optional.empty();
        }
    }

    private static String storedAlgorithm(DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5 -> DigestPassword.ALGORITHM_DIGEST_MD5;
            case SHA_256 -> DigestPassword.ALGORITHM_DIGEST_SHA_256;
        };
    }

    @Override
    public String toString() {
        return "Elytron security domain " + domainName;
    }
}
