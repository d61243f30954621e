package org.sipee.sip.ua;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * What either side of an established (or, for UPDATE/INFO, early) call can send inside its dialog. Thread-safe
 * and non-blocking; each stage completes on the stack's event loop. Sent outside a usable dialog (no dialog
 * yet, or the call ended), a stage completes at once with 481.
 */
public interface DialogCall {

    /**
     * Sends a re-INVITE (RFC 3261 §14.1) with {@code sdp} as the offer, or with our current SDP unchanged when
     * {@code sdp} is null (a session refresh). While another offer of either side is pending, ours waits until
     * that exchange is over (RFC 3264 §4); a 491 from the peer is retried after the §14.1 back-off, up to 3 times.
     */
    CompletionStage<ReinviteResult> reinvite(String sdp);

    /** Sends UPDATE (RFC 3311) with {@code sdp} as the offer (null: no body); the same glare rules. */
    CompletionStage<ReinviteResult> update(String sdp);

    /** Sends INFO (RFC 6086); completes with the final status (408 on timeout). */
    CompletionStage<Integer> sendInfo(String contentType, String body);

    /** Sends MESSAGE (RFC 3428) in the dialog; completes with the final status. */
    CompletionStage<Integer> sendMessage(String contentType, String body);

    /** Sends OPTIONS in the dialog (§11, a keep-alive); completes with the final status. */
    CompletionStage<Integer> sendOptions();

    /**
     * Sends REFER (RFC 3515) with {@code referTo} as Refer-To (a URI, put in angle brackets, or a name-addr such as
     * {@link ReferTo#withReplaces}); completes with its final status: 202 when the peer accepted it, else the
     * refusal (408 on timeout). The peer's NOTIFYs about the referenced request are answered 200 and each one's
     * status handed to {@code progress} on the event loop, the one that ends the subscription with
     * {@link ReferProgress#last()}.
     *
     * @throws IllegalArgumentException when {@code referTo} is not a URI or name-addr
     */
    CompletionStage<Integer> refer(String referTo, Consumer<ReferProgress> progress);

    /**
     * The Replaces value (RFC 3891 §6.1) naming this call's dialog to its peer: {@code callid;to-tag=<the peer's
     * tag>;from-tag=<ours>}, for another UA to take the peer over (attended transfer); null when there is no dialog.
     */
    String replacesValue();

    /** The peer's Contact URI in the dialog (its remote target, RFC 3261 §12); null when there is no dialog. */
    String remoteTarget();
}
