package org.sipee.session;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A new call, as an @Invite handler sees it: the handler decides to ring, answer (with or without early media) or
 * reject. Once media is up, everything of {@link Call} applies. Methods never block and may be called from any
 * thread.
 */
public interface IncomingCall extends Call {

    /**
     * The first value of a header of the INVITE (case-insensitive name, compact forms too), or null: for what the
     * call API does not show, e.g. P-Asserted-Identity or User-Agent.
     */
    String header(String name);

    /** Every value of a header of the INVITE, comma-separated lists split. */
    List<String> headers(String name);

    /** Sends 180 Ringing (again if called again). */
    void ringing();

    /**
     * Answers the caller and sends 200 OK: with the SDP answer to the INVITE's offer (G.711, RFC 3264), on an RTP
     * stream pointed at the caller; or, for an INVITE without SDP, with our offer, the caller's answer then coming
     * in the ACK (RFC 3261 §13.2.1; an unusable answer ends the call with BYE). After {@link #earlyMedia()} the 200
     * carries the SDP of the 183, on the stream already open. Completes when the caller's ACK confirms the call;
     * completes exceptionally when the offer cannot be answered (the call is then rejected 488 with a Warning) or
     * the call ends first. Calling it again returns the same stage.
     */
    CompletionStage<IncomingCall> answer();

    /**
     * Early media: answers the SDP offer as {@link #answer()} does and sends 183 Session Progress with the answer, so
     * what is played before the answer (a tone, an announcement) reaches the caller. The call stays
     * {@link SessionState#Ringing}, media {@link MediaState#Configured}; a later {@link #answer()} sends 200 with the
     * same SDP and keeps the stream. Completes once the 183 is sent; completes exceptionally when the offer cannot be
     * answered (488 sent, as for answer()), when the INVITE has no offer, after answer(), or once the call ended.
     * Calling it again returns the same stage. The 183 is sent unreliably unless the caller requires 100rel.
     */
    CompletionStage<IncomingCall> earlyMedia();

    /**
     * Connects the caller to {@code target} as a back-to-back user agent: places a call to the target (a SIP URI whose
     * host is an IP literal) with the caller's identity as From, rings the caller while the target rings (the
     * target's early media is passed on), answers the caller and bridges the two calls when the target answers, and
     * passes a refusal on (486 reaches the caller as 486, a 3xx as a redirect; 401 and 407 become 403). Whichever
     * side ends first, the other is ended too: the caller's CANCEL cancels the target's INVITE, either BYE ends the
     * other call. Completes with the target's call once both are bridged; exceptionally with a
     * {@link CallFailedException} when the target refuses, or when a call ends first; with an
     * {@link IllegalArgumentException} when the target cannot be called (the caller then gets 500).
     */
    CompletionStage<OutgoingCall> connectTo(String target);

    /**
     * Connects the caller to whichever of {@code targets} answers first (parallel forking, RFC 3261 §16.6-style, as
     * for ringing every registered contact of a user): all are called at once with the caller's identity; the first
     * 2xx is bridged to the caller and the other calls are cancelled (a late 2xx gets BYE). When none answers, the
     * caller gets the best refusal (a 6xx at once; else the lowest class, the first of it: 486 from all is 486).
     * Otherwise as {@link #connectTo(String)}.
     *
     * @throws IllegalArgumentException when targets is empty
     */
    CompletionStage<OutgoingCall> connectTo(List<String> targets);

    /**
     * The caller as the route's authentication established it (SIP digest against the server's security domain),
     * for handlers protected with {@code @RolesAllowed}; empty on an open route.
     */
    Optional<Principal> caller();

    /** Whether the authenticated caller has the role in the server's security domain (false on an open route). */
    boolean isCallerInRole(String role);

    /** Rejects with a final response, 300..699, e.g. {@code reject(486, "Busy Here")}. */
    void reject(int status, String reason);

    /**
     * Redirects the caller (RFC 3261 §21.3): a 3xx whose Contact headers list where to call instead, e.g.
     * {@code redirect(302, List.of("sip:desk@192.0.2.7"))}.
     *
     * @throws IllegalArgumentException when status is not 300..399 or there is no contact
     */
    void redirect(int status, List<String> contacts);
}
