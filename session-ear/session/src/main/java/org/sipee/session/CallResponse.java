package org.sipee.session;

import java.util.List;

import org.sipee.sip.message.SipResponse;

/**
 * A response to our INVITE, as response handlers receive it. The headers are those of the final response (2xx,
 * 3xx-6xx); a provisional response, or a failure the stack made itself (408 when nothing answered, 503 on a
 * transport error), has none here.
 */
public final class CallResponse {

    private final OutgoingCall call;
    private final int status;
    private final String reason;
    private final SipResponse response;

    CallResponse(OutgoingCall call, int status, String reason, SipResponse response) {
        this.call = call;
        this.status = status;
        this.reason = reason;
        this.response = response;
    }

    public OutgoingCall call() {
        return call;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** The first value of a header of the final response, or null. */
    public String header(String name) {
        return response == null ? null : response.header(name);
    }

    /** All values of a header of the final response (comma-separated lists split), or none. */
    public List<String> headers(String name) {
        return response == null ? List.of() : response.headerValues(name);
    }

    /** A redirect's targets (3xx Contact headers, RFC 3261 §8.1.3.4), in the order sent. */
    public List<String> contacts() {
        return headers("Contact");
    }

    @Override
    public String toString() {
        return status + " " + reason + " for " + call.callId();
    }
}
