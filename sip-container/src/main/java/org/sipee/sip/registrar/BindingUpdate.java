package org.sipee.sip.registrar;

import java.util.ArrayList;
import java.util.List;

/**
 * The change one REGISTER makes to the bindings of its address-of-record (RFC 3261 §10.3 steps 6 and 7), worked
 * out from the stored value alone so that it can run as the remapping function of the store's {@code compute}:
 * it may run more than once, and each run starts afresh. Either every change is made or none (§10.3).
 */
final class BindingUpdate {

    private final RegisterRequest request;
    private final RegistrarPolicy policy;
    private final long now;
    private final String source;
    private List<Binding> bindings = List.of();
    private Rejection rejection;
    private int added;
    private int refreshed;
    private int removed;

    BindingUpdate(RegisterRequest request, RegistrarPolicy policy, long nowMillis, String source) {
        this.request = request;
        this.policy = policy;
        this.now = nowMillis;
        this.source = source;
    }

    /** The value to store: a new one, before itself when the request fails, or null when no binding is left. */
    AddressOfRecord apply(String aor, AddressOfRecord before) {
        List<Binding> current = before == null ? List.of() : before.liveAt(now);
        rejection = null;
        added = 0;
        refreshed = 0;
        removed = 0;
        List<Binding> next = request.wildcard() ? removeAll(current) : update(current);
        if (rejection == null && next.size() > policy.maxBindingsPerAor() && next.size() > current.size()) {
            rejection = new Rejection(403, "Too many registrations: " + next.size() + " bindings would exceed"
                    + " maxBindingsPerAor " + policy.maxBindingsPerAor());
        }
        if (rejection != null) {
            return before;
        }
        bindings = next;
        return next.isEmpty() ? null : new AddressOfRecord(aor, next);
    }

    /** The outcome of the last {@link #apply}. */
    RegistrarResult result() {
        return rejection != null ? rejection.result(request.aor())
                : RegistrarResult.ok(request, bindings, now, added, refreshed, removed);
    }

    /** §10.3 step 6: every binding goes, unless one from this Call-ID has a CSeq not below the request's. */
    private List<Binding> removeAll(List<Binding> current) {
        for (Binding binding : current) {
            if (outOfOrder(binding)) {
                return current;
            }
        }
        removed = current.size();
        return List.of();
    }

    /** §10.3 step 7, each contact in turn. */
    private List<Binding> update(List<Binding> current) {
        List<Binding> next = new ArrayList<>(current);
        for (RequestedContact contact : request.contacts()) {
            int index = indexOf(next, contact);
            if (index >= 0 && outOfOrder(next.get(index))) {
                return current;
            }
            long seconds = policy.grant(contact.expires());
            if (seconds == 0) {
                if (index >= 0) {
                    next.remove(index);
                    removed++;
                }
            } else if (index >= 0) {
                next.set(index, bind(contact, seconds));
                refreshed++;
            } else {
                next.add(bind(contact, seconds));
                added++;
            }
        }
        return next;
    }

    /**
     * Same Call-ID and a CSeq not higher than stored: "the update MUST be aborted and the request fails" (§10.3
     * steps 6, 7). The RFC names no status; 500, as §12.2.2 answers an out-of-order request in a dialog, with a
     * reason saying why.
     */
    private boolean outOfOrder(Binding binding) {
        if (binding.callId().equals(request.callId()) && request.cseq() <= binding.cseq()) {
            rejection = new Rejection(500, "Out of order REGISTER: CSeq " + request.cseq() + " is not above "
                    + binding.cseq() + " of this Call-ID (RFC 3261 §10.3)");
            return true;
        }
        return false;
    }

    private static int indexOf(List<Binding> bindings, RequestedContact contact) {
        for (int i = 0; i < bindings.size(); i++) {
            if (contact.sameBindingAs(bindings.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private Binding bind(RequestedContact contact, long seconds) {
        return new Binding(contact.uri(), contact.contact(), now + seconds * 1000, contact.qMillis(), request.callId(),
                request.cseq(), request.path(), contact.instanceId(), contact.regId(), source, now);
    }
}
