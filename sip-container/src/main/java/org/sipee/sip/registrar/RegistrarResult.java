package org.sipee.sip.registrar;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

/**
 * How the registrar answers a REGISTER.
 *
 * @param status    response status: 200, or 4xx/5xx
 * @param reason    reason phrase; for errors it says what was wrong (for the response and for logs)
 * @param headers   headers to add to the response, in order: on 200 Contact (every current binding with its
 *                  expires), Date, Path and Require when they apply (RFC 3261 §10.3 step 8); on 423 Min-Expires
 * @param aor       the canonical address-of-record, or null when the To header was unusable
 * @param bindings  on 200, the live bindings after the change, preferred first; empty otherwise
 * @param added     bindings this REGISTER added
 * @param refreshed bindings it replaced or refreshed
 * @param removed   bindings it removed (expires 0 or Contact: *); expired ones dropped on the way do not count
 */
public record RegistrarResult(int status, String reason, List<Map.Entry<String, String>> headers, String aor,
        List<Binding> bindings, int added, int refreshed, int removed) {

    /** Preference order: highest q first (RFC 3261 §10.2.1.2), then the most recently registered. */
    static final Comparator<Binding> PREFERRED_FIRST = Comparator.comparingInt(Binding::qMillis).reversed()
            .thenComparing(Comparator.comparingLong(Binding::registeredAtMillis).reversed());

    /** rfc1123-date (§20.17, §25.1): two-digit day, always GMT. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    public RegistrarResult {
        headers = List.copyOf(headers);
        bindings = List.copyOf(bindings);
    }

    /** The 200 listing the bindings of the address-of-record at this time. */
    static RegistrarResult ok(RegisterRequest request, List<Binding> bindings, long nowMillis, int added,
            int refreshed, int removed) {
        List<Binding> ordered = bindings.stream().sorted(PREFERRED_FIRST).toList();
        List<Map.Entry<String, String>> headers = new ArrayList<>(4);
        if (!ordered.isEmpty()) {
            headers.add(Map.entry(HeaderNames.CONTACT,
                    ordered.stream().map(b -> b.responseValue(nowMillis)).collect(Collectors.joining(", "))));
        }
        headers.add(Map.entry(HeaderNames.DATE, DATE.format(Instant.ofEpochMilli(nowMillis))));
        if (request.echoPath()) { // RFC 3327 §5.3
            headers.add(Map.entry(HeaderNames.PATH, String.join(", ", request.path())));
        }
        if (request.outbound()) { // RFC 5626 §6
            headers.add(Map.entry(HeaderNames.REQUIRE, "outbound"));
        }
        return new RegistrarResult(200, "OK", headers, request.aor(), ordered, added, refreshed, removed);
    }

    public boolean isSuccess() {
        return status == 200;
    }

    /** The value of the first header with this name (case-insensitive), or null. */
    public String header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }

    /** The response to send: status, reason and headers on top of what §8.2.6 copies from the request. */
    public SipResponse toResponse(SipRequest register, String toTag) {
        SipResponse response = Responses.create(register, status, reason, toTag);
        headers.forEach(h -> response.addHeader(h.getKey(), h.getValue()));
        return response;
    }
}
