package org.sipee.session;

/** An outgoing call was never answered: the final status of its INVITE (300..699, or 408/503 made by the stack). */
public class CallFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;

    public CallFailedException(String callId, int status, String reason) {
        super("call " + callId + " failed: " + status + " " + reason);
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
