package org.sipee.sip.ua;

import org.sipee.sip.message.SipResponse;

/**
 * The caller's side of one call we place with {@link UserAgent#call}: an INVITE outside a dialog (RFC 3261 §13.2).
 * All methods are thread-safe and non-blocking: the work is handed to the stack's event loop. What happens is
 * reported to the call's {@link OutboundCallListener}; a method called in a state where it means nothing is
 * ignored and logged.
 */
public interface OutboundCall extends DialogCall {

    /** Call-ID of the INVITE. */
    String callId();

    /** Our From tag: the local tag of every dialog of this call. */
    String localTag();

    /** The Request-URI of the INVITE. */
    String requestUri();

    /** From header value as sent (with our tag). */
    String from();

    /** To header value as sent (without tag). */
    String to();

    /**
     * The final response that decided the call: the 2xx that answered it or the non-2xx that refused it (a 3xx's
     * Contact headers are its redirect targets); null until then, and when none arrived (408 by Timer B, 503 on a
     * transport error, 487 by the CANCEL guard). Set before {@code onAnswered} or {@code onFailed} is reported.
     */
    SipResponse finalResponse();

    /**
     * Abandons the call before it is answered (§9.1): sends CANCEL once a provisional response has arrived (at
     * once when one has, else as soon as one does); the INVITE is then normally answered 487, reported through
     * {@link OutboundCallListener#onFailed}. Ignored once the call is answered (use {@link #hangUp()}).
     */
    void cancel();

    /**
     * Ends the call. Answered: BYE in the confirmed dialog (§15.1.1), then {@code onEnded(LOCAL_BYE)}.
     * Not answered yet: BYE in each early dialog (§15: the caller may), or {@link #cancel()} when there is none;
     * the outcome is then reported as for {@link #cancel()}.
     */
    void hangUp();
}
