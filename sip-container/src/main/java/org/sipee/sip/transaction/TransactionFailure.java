package org.sipee.sip.transaction;

/**
 * Why a client transaction ended without a final response, with the status the TU treats it as
 * (RFC 3261 §8.1.3.1).
 */
public enum TransactionFailure {
    /** Timer B or F fired (§17.1.1.2, §17.1.2.2): treated as 408. */
    TIMEOUT(408, "Request Timeout"),
    /** The transport could not send the request (§17.1.4): treated as 503. */
    TRANSPORT_ERROR(503, "Service Unavailable");

    private final int status;
    private final String reason;

    TransactionFailure(int status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
