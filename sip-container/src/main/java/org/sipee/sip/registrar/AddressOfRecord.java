package org.sipee.sip.registrar;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * An address-of-record in canonical form (RFC 3261 §10.3 step 5, see {@link Registrar#addressOfRecord}) and its
 * bindings, as one value of the location service. Immutable: every change is a new value.
 */
public record AddressOfRecord(String aor, List<Binding> bindings) implements Serializable {

    public AddressOfRecord {
        Objects.requireNonNull(aor, "aor");
        bindings = List.copyOf(bindings);
    }

    /** A copy with these bindings instead. */
    public AddressOfRecord withBindings(List<Binding> newBindings) {
        return new AddressOfRecord(aor, newBindings);
    }

    /** The bindings not expired at this time, in stored order. */
    public List<Binding> liveAt(long nowMillis) {
        return bindings.stream().filter(b -> b.isLiveAt(nowMillis)).toList();
    }

    /** Whether any binding has expired at this time. */
    public boolean hasExpiredAt(long nowMillis) {
        return bindings.stream().anyMatch(b -> !b.isLiveAt(nowMillis));
    }
}
