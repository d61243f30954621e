package org.sipee.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

import org.sipee.sip.message.SipResponse;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.IncomingRefer;

/**
 * Our side of a transfer the peer asked for (RFC 3515, RFC 5589): the call to the target, whose responses go back to
 * the peer as NOTIFYs; on the answer the party this call was bridged to is bridged to the target, and takes the
 * referring call's place in its back-to-back pair.
 */
final class Transferee implements LinkedDial, LegListener {

    private static final Logger LOG = Logger.getLogger(Transferee.class.getName());

    private final BaseSession referring;
    private final IncomingRefer refer;
    private final CompletableFuture<OutgoingCall> answered = new CompletableFuture<>();

    private Transferee(BaseSession referring, IncomingRefer refer) {
        this.referring = referring;
        this.refer = refer;
    }

    /** Calls the Refer-To target as the party being transferred (the bridged partner's identity, else ours). */
    static CompletionStage<OutgoingCall> place(BaseSession referring, IncomingRefer refer) {
        Transferee transfer = new Transferee(referring, refer);
        BaseSession partner = referring.partner();
        String from = partner != null ? partner.remoteParty() : referring.localParty();
        referring.transferring(true);
        try {
            referring.engine().apply(c -> c.dial(from, refer.targetUri(), transfer));
        } catch (RuntimeException e) {
            LOG.info(() -> "transfer of " + referring.callId() + " to " + refer.targetUri() + " not placed: " + e.getMessage());
            refer.notifyProgress(400, "Bad Request");
            referring.transferring(false);
            transfer.answered.completeExceptionally(e);
        }
        return transfer.answered;
    }

    @Override
    public boolean attach(OutboundSession session) {
        session.addLegListener(this);
        return true;
    }

    @Override
    public void provisional(OutboundSession leg, int status, String reason, boolean earlyMedia) {
        refer.notifyProgress(status, reason);
    }

    @Override
    public void answered(OutboundSession leg) {
        BaseSession partner = referring.partner();
        if (partner != null && !partner.state().isTerminal()) {
            partner.bridgeInPlaceOf(referring, leg);
        }
        refer.notifyProgress(200, "OK");
        answered.complete(leg);
    }

    @Override
    public void failed(OutboundSession leg, int status, String reason, SipResponse response) {
        refer.notifyProgress(status, reason);
        referring.transferring(false);
        answered.completeExceptionally(new CallFailedException(leg.callId(), status, reason));
    }

    @Override
    public void ended(BaseSession leg, CallEndReason reason) {
        answered.completeExceptionally(new IllegalStateException("transfer target call " + leg.callId() + " ended: " + reason));
    }
}
