package org.sipee.sip.message;

/** A SIP response (RFC 3261 §7.2). */
public final class SipResponse extends SipMessage {

    private final int status;
    private final String reason;

    public SipResponse(int status, String reason) {
        if (status < 100 || status > 699) {
            throw new IllegalArgumentException("status must be 100..699, was " + status);
        }
        this.status = status;
        this.reason = reason == null ? "" : reason;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public boolean isProvisional() {
        return status < 200;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public String startLine() {
        return SipRequest.SIP_VERSION + ' ' + status + ' ' + reason;
    }
}
