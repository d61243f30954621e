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
     * A final response (200..699) with extra headers added verbatim, in order (e.g. Contact and Expires for a
     * REGISTER, RFC 3261 §10.3, or two WWW-Authenticate challenges). A 2xx to OPTIONS also carries our capabilities (Allow, Accept, Supported, §11.2).
     */
    void respond(int status, String reason, List<SipHeader> headers);

    /** As {@link #respond(int, String, List)}, one header line per entry. */
    default void respond(int status, String reason, Map<String, String> headers) {
        respond(status, reason, SipHeader.listOf(headers));
    }


    /** What the stack answers without an application: OPTIONS 200 with our capabilities, REGISTER 405. */
    void answerByDefault();
}
