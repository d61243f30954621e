package org.sipee.sip.registrar;

import java.util.List;
import java.util.Map;

/** A REGISTER refused: the error response it gets. No stack trace: it is an answer, not a fault. */
final class Rejection extends RuntimeException {

    private final int status;
    private final transient List<Map.Entry<String, String>> headers;

    Rejection(int status, String reason) {
        this(status, reason, List.of());
    }

    Rejection(int status, String reason, List<Map.Entry<String, String>> headers) {
        super(reason, null, false, false);
        this.status = status;
        this.headers = headers;
    }

    /** @param aor the address-of-record concerned, or null when the request did not get that far */
    RegistrarResult result(String aor) {
        return new RegistrarResult(status, getMessage(), headers, aor, List.of(), 0, 0, 0);
    }
}
