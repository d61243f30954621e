package org.sipee.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.rar.api.SipIdentity;
import org.sipee.rar.api.SipSecurity;
import org.sipee.sip.message.SipHeader;
import org.sipee.sip.registrar.AddressOfRecord;
import org.sipee.sip.registrar.Binding;
import org.sipee.sip.registrar.Registrar;
import org.sipee.sip.registrar.RegistrarResult;
import org.sipee.sip.ua.OutOfDialogRequest;

/**
 * The registrar and location service (RFC 3261 §10): phones REGISTER their contacts for their own address of record,
 * after digest authentication; calls find them with {@link #contacts}. The bindings live in the server's Infinispan
 * cache {@code java:jboss/infinispan/cache/sipee/registrations} (a local cache in the default profile, replicated in
 * an HA one); expired ones are swept every few seconds and never returned.
 */
@ApplicationScoped
public class Registrations {

    private static final Logger LOG = Logger.getLogger(Registrations.class.getName());
    private static final long SWEEP_SECONDS = 5;

    @Resource(lookup = "java:jboss/infinispan/cache/sipee/registrations")
    ConcurrentMap<String, AddressOfRecord> bindings;

    private volatile Registrar registrar;
    private Future<?> sweep;

    /** The contacts registered for an address of record (any SIP URI of it, e.g. a Request-URI), most preferred first. */
    public List<String> contacts(String addressOfRecord) {
        Registrar current = registrar;
        return current == null ? List.of() : current.lookup(addressOfRecord).stream().map(Binding::contactUri).toList();
    }

    /** Bindings now held, over all addresses of record. */
    public int bindingCount() {
        Registrar current = registrar;
        return current == null ? 0 : current.bindingCount();
    }

    synchronized void start(Optional<SipSecurity> security, ScheduledExecutorService scheduler) {
        if (registrar == null && security.isPresent()) {
            registrar = new Registrar(bindings, security.get().registrations(), System::currentTimeMillis);
            sweep = scheduler.scheduleWithFixedDelay(this::removeExpired, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
        }
    }

    synchronized void stop() {
        if (sweep != null) {
            sweep.cancel(false);
            sweep = null;
        }
        registrar = null;
    }

    /** A REGISTER no @Register handler answered: the phone authenticates (401 first), then registers. */
    void serve(OutOfDialogRequest request, SipAuthentication authentication) {
        authentication.authenticate(request.request(), request.source(), request::respond)
                .ifPresent(user -> register(request, user));
    }

    /** §10.3: an authenticated user registers its own address of record only (step 3). */
    private void register(OutOfDialogRequest request, SipIdentity user) {
        Registrar current = registrar;
        String aor;
        try {
            aor = Registrar.addressOfRecord(request.request().header("To"));
        } catch (RuntimeException malformed) {
            request.respond(400, "Bad Request (To is not a SIP URI)", List.of());
            return;
        }
        if (current == null) {
            request.respond(503, "Service Unavailable (registrar not started)", List.of(SipHeader.of("Retry-After", "5")));
            return;
        }
        if (!user.name().equalsIgnoreCase(userOf(aor))) {
            LOG.info(() -> "user " + user.name() + " may not register " + aor + ": 403");
            request.respond(403, "Forbidden (" + user.name() + " may not register " + aor + ")", List.of());
            return;
        }
        RegistrarResult result = current.register(request.request(), request.source(), transportOf(request));
        if (result.status() == 403) {
            LOG.info(() -> aor + " refused: " + result.reason() + " (config-property maxRegistrationsPerUser)");
        }
        request.respond(result.status(), result.reason(),
                result.headers().stream().map(h -> SipHeader.of(h.getKey(), h.getValue())).toList());
    }

    private void removeExpired() {
        Registrar current = registrar;
        try {
            if (current != null) {
                int removed = current.removeExpired();
                if (removed > 0) {
                    LOG.fine(() -> removed + " registrations expired");
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sweeping expired registrations failed", e);
        }
    }

    private static String userOf(String aor) {
        int colon = aor.indexOf(':');
        int at = aor.indexOf('@');
        return at < 0 ? "" : aor.substring(colon + 1, at);
    }

    private static String transportOf(OutOfDialogRequest request) {
        return request.request().topVia().transport().toLowerCase();
    }
}
