package org.sipee.session;

import org.sipee.sip.message.SipResponse;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.DialogMessage;
import org.sipee.sip.ua.IncomingRefer;
import org.sipee.sip.ua.ModifyRequest;
import org.sipee.sip.ua.OutboundCall;
import org.sipee.sip.ua.OutboundCallListener;

/**
 * The engine's reports on a call we placed, as the adapter delivers them (on the call's worker, in order): the session
 * moves first, then the response handlers of the response's class run.
 */
final class OutboundEvents implements OutboundCallListener {

    private final OutboundSession session;
    private final Handlers handlers;
    private final SessionCoordinator coordinator;

    OutboundEvents(OutboundSession session, Handlers handlers, SessionCoordinator coordinator) {
        this.session = session;
        this.handlers = handlers;
        this.coordinator = coordinator;
    }

    @Override
    public void onProvisional(OutboundCall call, int status, String reason, String sdp) {
        coordinator.inCall(call.callId(), () -> {
            boolean earlyMedia = session.provisional(sdp);
            session.legListeners().forEach(leg -> SessionCoordinator.tell(session, () -> leg.provisional(session, status, reason, earlyMedia)));
            handlers.notifyResponse(HandlerKind.PROVISIONAL, new CallResponse(session, status, reason, null));
        });
    }

    @Override
    public void onAnswered(OutboundCall call, String sdp) {
        coordinator.inCall(call.callId(), () -> {
            if (session.answered(sdp)) {
                session.legListeners().forEach(leg -> SessionCoordinator.tell(session, () -> leg.answered(session)));
            }
            SipResponse ok = call.finalResponse();
            handlers.notifyResponse(HandlerKind.SUCCESS, new CallResponse(session, ok.status(), ok.reason(), ok));
        });
    }

    @Override
    public void onFailed(OutboundCall call, int status, String reason) {
        coordinator.inCall(call.callId(), () -> {
            session.failed(status, reason);
            session.legListeners().forEach(leg -> SessionCoordinator.tell(session, () -> leg.failed(session, status, reason, call.finalResponse())));
            try {
                handlers.notifyResponse(HandlerKind.ofFinal(status), new CallResponse(session, status, reason, call.finalResponse()));
            } finally {
                coordinator.ended(session, CallEndReason.REJECTED);
            }
        });
    }

    @Override
    public void onEnded(OutboundCall call, CallEndReason reason) {
        coordinator.inCall(call.callId(), () -> coordinator.ended(session, reason));
    }

    @Override
    public void onModify(OutboundCall call, ModifyRequest request) {
        coordinator.inCall(call.callId(), () -> coordinator.modify(session, request));
    }

    @Override
    public void onRefer(OutboundCall call, IncomingRefer refer) {
        coordinator.inCall(call.callId(), () -> coordinator.refer(session, refer));
    }

    @Override
    public void onMessage(OutboundCall call, DialogMessage message) {
        coordinator.inCall(call.callId(), () -> coordinator.message(session, message));
    }
}
