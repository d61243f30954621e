package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.sipee.sip.message.SipHeader;
import org.sipee.sip.message.SipRequest;

/**
 * The server side of one call set up by an INVITE received outside a dialog.
 * All methods are thread-safe and non-blocking: the work is handed to the stack's event loop.
 * A response method called after the call already has a final response is ignored and logged.
 */
public interface InboundCall extends DialogCall {

    /** Call-ID of the INVITE. */
    String callId();

    /** The initial INVITE, for applications that need a header the call API does not expose. */
    SipRequest invite();

    String requestUri();

    /** From header value, as received. */
    String from();

    /** To header value, as received (without our tag). */
    String to();

    /**
     * The Call-ID of the call this one replaces (the INVITE's Replaces header, RFC 3891), null when it has none.
     * The stack has checked that it names a dialog this INVITE may replace; ending that call is up to the
     * application.
     */
    String replacedCallId();

    /** Where the INVITE came from (transport source address). */
    InetSocketAddress remoteAddress();

    /** The offer in the INVITE body (Content-Type application/sdp), or null when the INVITE carried none. */
    String remoteSdp();

    /**
     * For an INVITE without an offer (late offer, RFC 3261 §13.2.1): the answer the ACK carried to the offer in our
     * 200; null before the ACK, when the ACK had no body, or when the INVITE carried the offer.
     */
    String ackSdp();

    /**
     * Sends a provisional response (101..199), e.g. 180 Ringing; sdp is optional (183 early media). When the INVITE
     * has Supported or Require: 100rel it goes reliably (RFC 3262: Require: 100rel, RSeq, retransmitted until the
     * PRACK; one at a time, later ones queue; no PRACK in 64*T1 answers the INVITE 500).
     */
    void sendProvisional(int status, String reason, String sdp);

    /** Sends 200 OK with our To tag, a Contact and the SDP answer; the dialog is confirmed by the ACK. */
    void accept(String sdp);

    /**
     * Sends a final non-2xx response (300..699); extraHeaders (e.g. Warning, Contact, or two Proxy-Authenticate
     * challenges, which cannot share one line: RFC 3261 §7.3.1) are added verbatim, in order.
     */
    void reject(int status, String reason, List<SipHeader> extraHeaders);

    /** As {@link #reject(int, String, List)}, one header line per entry. */
    default void reject(int status, String reason, Map<String, String> extraHeaders) {
        reject(status, reason, SipHeader.listOf(extraHeaders));
    }

    default void reject(int status, String reason) {
        reject(status, reason, Map.of());
    }

    /**
     * Ends an answered call with BYE (§15.1.1), then {@code onCallEnded(LOCAL_BYE)}. Before the caller's ACK the
     * BYE waits for it (§15: the callee must not send BYE before the ACK, or before 64*T1 without it, which ends
     * the call as NO_ACK with a BYE anyway). Before an answer, use {@link #reject}: hangUp() is then ignored.
     */
    void hangUp();
}
