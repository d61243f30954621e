package org.sipee.sip.ua;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.sipee.sip.dialog.DialogRequests;
import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.ClientTransactionListener;
import org.sipee.sip.transaction.TransactionFailure;
import org.sipee.sip.transport.SentMessage;

/**
 * Our re-INVITE (RFC 3261 §14.1) or UPDATE (RFC 3311 §5.1): sent with the session timer headers, the 2xx ACKed
 * (re-INVITE) and taken as target refresh (§12.2.1.2), 491 retried after the §14.1 back-off up to
 * {@link #MAX_ATTEMPTS} times. Used on the event loop.
 */
final class OutgoingModify implements ClientTransactionListener {

    static final int MAX_ATTEMPTS = 4;

    private final DialogSession session;
    private final String method;
    private final String sdp;
    private final CompletableFuture<ReinviteResult> result;
    private final Map<Long, SentMessage> acks = new HashMap<>();
    private int attempts;
    private SipRequest request;

    OutgoingModify(DialogSession session, String method, String sdp, CompletableFuture<ReinviteResult> result) {
        this.session = session;
        this.method = method;
        this.sdp = sdp;
        this.result = result;
    }

    /**
     * A request in the session's dialog with Allow, and our Contact in a target refresh (§8.1.1.8, §12.2.1.1), a
     * REFER (RFC 3515 §2) or a NOTIFY (RFC 6665 §4.2.2).
     */
    static SipRequest build(DialogSession session, String method) {
        SipRequest request = DialogRequests.create(session.dialog(), method);
        if (method.equals("INVITE") || method.equals("UPDATE") || method.equals("REFER") || method.equals("NOTIFY")) {
            request.addHeader(HeaderNames.CONTACT, session.ctx().contact().ourContact());
        }
        request.addHeader(HeaderNames.ALLOW, Capabilities.ALLOW);
        return request;
    }

    void send() {
        attempts++;
        session.localOffer(true);
        request = build(session, method);
        session.timer().addRequestHeaders(request);
        Bodies.set(request, Bodies.SDP, sdp);
        if (method.equals("INVITE")) {
            session.ctx().sender().sendInvite(session.dialog(), request, session.fallback(), this);
        } else {
            session.ctx().sender().send(session.dialog(), request, session.fallback(), this);
        }
    }

    @Override
    public void onResponse(SipResponse response) {
        if (response.isProvisional()) {
            return;
        }
        long cseq = response.cseq().number();
        if (response.isSuccess() && acks.containsKey(cseq)) {
            acks.get(cseq).resend(); // a retransmitted 2xx (§13.2.2.4)
            return;
        }
        if (result.isDone()) {
            return;
        }
        session.localOffer(false);
        if (response.isSuccess()) {
            if (method.equals("INVITE")) {
                acks.put(cseq, session.ctx().sender().sendAck(session.dialog(), cseq, session.fallback()));
            }
            session.dialog().refreshTarget(response); // §12.2.1.2
            session.peerCapabilities(response);
            String answer = Bodies.sdp(response);
            if (sdp != null && answer != null) {
                session.exchanged(sdp, answer);
            }
            session.timer().answered(response);
            result.complete(new ReinviteResult(response.status(), response.reason(), answer));
        } else if (response.status() == 491 && attempts < MAX_ATTEMPTS) { // §14.1: retry after the back-off
            session.ctx().scheduler().schedule(this::retry, GlareBackoff.delayMillis(session.callIdOwner()));
        } else if (response.status() == 422 && attempts < MAX_ATTEMPTS && session.timer().raise(response)) {
            send(); // RFC 4028 §7.4 / §8.1: retry with the larger Min-SE
        } else {
            result.complete(new ReinviteResult(response.status(), response.reason(), null));
        }
    }

    private void retry() {
        if (!session.usable()) {
            result.complete(new ReinviteResult(481, "Call/Transaction Does Not Exist", null));
        } else if (session.offerState() != OfferState.IDLE) {
            result.complete(new ReinviteResult(491, "Request Pending", null));
        } else {
            send();
        }
    }

    @Override
    public void onFailure(TransactionFailure failure) {
        if (!result.isDone()) {
            session.localOffer(false);
            result.complete(new ReinviteResult(failure.status(), failure.reason(), null));
        }
    }

    /** A listener that completes with the final status of a non-INVITE request (408/503 without one). */
    static ClientTransactionListener statusOnly(CompletableFuture<Integer> status) {
        return new ClientTransactionListener() {
            @Override
            public void onResponse(SipResponse response) {
                if (!response.isProvisional()) {
                    status.complete(response.status());
                }
            }

            @Override
            public void onFailure(TransactionFailure failure) {
                status.complete(failure.status());
            }
        };
    }
}
