package org.sipee.session;

import java.util.concurrent.CompletionStage;

import org.sipee.sip.ua.IncomingRefer;
import org.sipee.sip.ua.ReferTo;

/**
 * The peer of a call asks us to call someone else (a REFER, RFC 3515): blind transfer, or attended when the target
 * carries a Replaces (RFC 3891). Handed to the @{@link Refer} handlers, which decide once.
 */
public final class TransferRequest {

    private final BaseSession call;
    private final IncomingRefer refer;
    private boolean decided;

    TransferRequest(BaseSession call, IncomingRefer refer) {
        this.call = call;
        this.refer = refer;
    }

    /** The call whose peer sent the REFER (the transferor's call with us). */
    public Call call() {
        return call;
    }

    /** Where to call: the Refer-To URI without its header part. */
    public String target() {
        return ReferTo.withoutHeaders(refer.targetUri());
    }

    /** The Referred-By header (RFC 3892), or null. */
    public String referredBy() {
        return refer.referredBy();
    }

    /** Whether the target is to replace an existing call (attended transfer: Replaces in Refer-To). */
    public boolean isAttended() {
        return ReferTo.headers(refer.targetUri()).keySet().stream().anyMatch("Replaces"::equalsIgnoreCase);
    }

    /**
     * Accepts (202, RFC 3515 §2.4.2) and calls the target (with its Replaces, for an attended transfer), telling the
     * peer how it goes (NOTIFY with each response's status line). When the target answers and this call is bridged
     * (e.g. a back-to-back call), the other party is bridged to the target instead; the peer then hangs up (RFC 5589).
     * A call that is not bridged leaves the target's call to the application (play to it, bridge it, hang it up).
     * Completes with the target's call once answered; exceptionally with a {@link CallFailedException} when it refuses.
     *
     * @throws IllegalStateException when already decided
     */
    public synchronized CompletionStage<OutgoingCall> accept() {
        decide();
        refer.accept();
        return Transferee.place(call, refer);
    }

    /** Declines (4xx-6xx), e.g. 603 Declined or 403 Forbidden. */
    public synchronized void reject(int status, String reason) {
        decide();
        refer.reject(status, reason);
    }

    private void decide() {
        if (decided) {
            throw new IllegalStateException("the REFER in " + call.callId() + " is already decided");
        }
        decided = true;
    }

    /** What no handler decided is declined (603, RFC 3261 §21.6.4). */
    synchronized void declineIfUndecided() {
        if (!decided) {
            reject(603, "Declined");
        }
    }
}
