package org.sipee.session;

import java.util.concurrent.CompletionStage;

/**
 * A call we place, from {@code SipConnection.dial} (the adapter's connection factory, injected with @Resource): our
 * INVITE carries the session's SDP offer (PCMU, PCMA, telephone-event). Response handlers
 * ({@link ProvisionalResponse}, {@link SuccessResponse}, {@link RedirectResponse}, {@link ErrorResponse}) receive it
 * inside a {@link CallResponse}; once answered everything of {@link Call} applies. {@link #hangUp()} before the answer
 * cancels the call (CANCEL, RFC 3261 §9.1).
 */
public interface OutgoingCall extends Call {

    /**
     * Completes when the callee answered (2xx, our ACK sent): Connected, media Active. Completes exceptionally with a
     * {@link CallFailedException} when the call is refused or gives up (its status: 486, 487 after our cancel, 408
     * when nothing answered...), or with an {@link IllegalStateException} when the answer carries no usable SDP
     * (the call is then ended with BYE).
     */
    CompletionStage<OutgoingCall> answered();
}
