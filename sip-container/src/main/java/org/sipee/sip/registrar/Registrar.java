package org.sipee.sip.registrar;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipUri;

/**
 * A registrar (RFC 3261 §10.3 steps 5 to 8, with RFC 3327 Path and RFC 5626 instance-id/reg-id) over a location
 * service held in a {@link ConcurrentMap} from canonical address-of-record to {@link AddressOfRecord}.
 * Thread-safe without locks of its own: each REGISTER reads, changes and writes its address-of-record in one
 * {@code compute}, storing a new immutable value, so REGISTERs for one address-of-record apply one after the
 * other and either completely or not at all (§10.3). Expired bindings are never returned, swept or not.
 * The remapping functions report their outcome to this JVM, so the map must run them here (ConcurrentHashMap, or
 * a cache whose compute runs in the caller), not ship them to another node.
 */
public final class Registrar {

    private final ConcurrentMap<String, AddressOfRecord> store;
    private final RegistrarPolicy policy;
    private final LongSupplier clock;

    /** @param clockMillis the time in milliseconds (e.g. System::currentTimeMillis); the Date header shows it */
    public Registrar(ConcurrentMap<String, AddressOfRecord> store, RegistrarPolicy policy, LongSupplier clockMillis) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clockMillis, "clockMillis");
    }

    /**
     * The canonical address-of-record of a SIP or SIPS URI or of a header value holding one (§10.3 step 5):
     * scheme, user with escapes decoded, '@', host in lower case; port, parameters and headers removed.
     *
     * @throws IllegalArgumentException for a value that is not a SIP or SIPS URI with a user part
     */
    public static String addressOfRecord(String uriOrHeaderValue) {
        try {
            SipUri uri = SipUri.parse(ContactUris.uriOf(uriOrHeaderValue));
            if (uri.user() == null || uri.user().isEmpty()) {
                throw new IllegalArgumentException("'" + uriOrHeaderValue + "' has no user part");
            }
            return ContactUris.canonical(uri);
        } catch (SipParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Processes a REGISTER that the caller has authenticated and authorised for its To (§10.3 steps 1 to 4).
     * Never throws for what the request holds: a malformed one gets a 4xx; a failing store gets 500 (§10.3 step 7).
     *
     * @param source    where the REGISTER came from, stored with its bindings
     * @param transport the transport it came over, e.g. "udp", "tcp", "tls", "ws"
     * @throws IllegalArgumentException when the request is not a REGISTER
     */
    public RegistrarResult register(SipRequest register, InetSocketAddress source, String transport) {
        if (!register.isMethod("REGISTER")) {
            throw new IllegalArgumentException("not a REGISTER: " + register.method());
        }
        String from = Binding.source(transport, Objects.requireNonNull(source, "source"));
        long now = clock.getAsLong();
        RegisterRequest request;
        try {
            request = RegisterRequest.parse(register, policy);
        } catch (Rejection rejection) {
            return rejection.result(null);
        }
        try {
            if (request.isQuery()) { // §10.3 step 6: no Contact, the bindings are listed unchanged
                AddressOfRecord record = store.get(request.aor());
                return RegistrarResult.ok(request, record == null ? List.of() : record.liveAt(now), now, 0, 0, 0);
            }
            BindingUpdate update = new BindingUpdate(request, policy, now, from);
            store.compute(request.aor(), update::apply);
            return update.result();
        } catch (RuntimeException e) { // §10.3 step 7: a failed commit is a 500, and nothing was changed
            return new Rejection(500, "Location service failed: " + e).result(request.aor());
        }
    }

    /**
     * The live bindings of an address-of-record given as any SIP URI or header value (canonicalised as
     * {@link #addressOfRecord}), highest q first, then the most recently registered; empty for a value that names
     * no SIP user (e.g. a tel: URI).
     */
    public List<Binding> lookup(String aorOrUri) {
        String aor;
        try {
            aor = addressOfRecord(aorOrUri);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        AddressOfRecord record = store.get(aor);
        return record == null ? List.of()
                : record.liveAt(clock.getAsLong()).stream().sorted(RegistrarResult.PREFERRED_FIRST).toList();
    }

    /**
     * Drops expired bindings, and the addresses-of-record left without any, each address-of-record in one atomic
     * step. For a periodic sweep; lookups skip expired bindings anyway.
     *
     * @return how many bindings were dropped
     */
    public int removeExpired() {
        long now = clock.getAsLong();
        int removed = 0;
        for (Map.Entry<String, AddressOfRecord> entry : store.entrySet()) {
            if (entry.getValue().hasExpiredAt(now)) {
                int[] dropped = {0};
                store.computeIfPresent(entry.getKey(), (aor, record) -> {
                    List<Binding> live = record.liveAt(now);
                    dropped[0] = record.bindings().size() - live.size();
                    return dropped[0] == 0 ? record : live.isEmpty() ? null : record.withBindings(live);
                });
                removed += dropped[0];
            }
        }
        return removed;
    }

    /** Live bindings in the store (a scan of every address-of-record). */
    public int bindingCount() {
        long now = clock.getAsLong();
        return store.values().stream().mapToInt(record -> record.liveAt(now).size()).sum();
    }

    /** Addresses-of-record with at least one live binding (a scan of every address-of-record). */
    public int addressCount() {
        long now = clock.getAsLong();
        return (int) store.values().stream().filter(record -> !record.liveAt(now).isEmpty()).count();
    }
}
