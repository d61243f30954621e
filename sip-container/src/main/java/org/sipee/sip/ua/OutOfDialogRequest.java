package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.sipee.sip.message.SipHeader;
import org.sipee.sip.message.SipRequest;

/**
 * An OPTIONS or REGISTER outside any dialog, for the application to answer (a registrar, a presence of its own):
 * once, with {@link #respond} or {@link #answerByDefault()}, at once or later on any thread. Not answered within
 * 32*T1 (the client gives up at 64*T1, Timer F), the stack answers 500 with Retry-After.
 */
public interface OutOfDialogRequest {

    /** OPTIONS or REGISTER. */
    default String method() {
        return request().method();
    }

    SipRequest request();

    /** Where the request came from (transport source address). */
    InetSocketAddress source();

    /**
     * A final response (200..699) with extra headers added verbatim (e.g. Contact and Expires for a REGISTER,
     * RFC 3261 §10.3). A 2xx to OPTIONS also carries our capabilities (Allow, Accept, Supported, §11.2).
     */
    void respond(int status, String reason, Map<String, String> headers);

    /**
     * As {@link #respond(int, String, Map)}, with header lines added in order; for headers that take one line each,
     * e.g. the WWW-Authenticate challenges of a 401 (RFC 3261 §7.3.1: never combined into one line).
     */
    void respond(int status, String reason, List<SipHeader> headerLines);

    /** What the stack answers without an application: OPTIONS 200 with our capabilities, REGISTER 405. */
    void answerByDefault();
}
