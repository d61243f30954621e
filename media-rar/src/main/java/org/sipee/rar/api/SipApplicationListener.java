package org.sipee.rar.api;

import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.DialogMessage;
import org.sipee.sip.ua.InboundCall;
import org.sipee.sip.ua.IncomingRefer;
import org.sipee.sip.ua.ModifyRequest;
import org.sipee.sip.ua.OutOfDialogRequest;

/**
 * The application's view of inbound calls. Unlike the engine's UserAgentListener it is called
 * on the adapter's worker threads, serialized per call, so an implementation may take its time
 * (it still delays later events of the same call).
 */
public interface SipApplicationListener {

    void onInvite(InboundCall call);

    void onAck(InboundCall call);

    void onCallEnded(InboundCall call, CallEndReason reason);

    /**
     * The caller's re-INVITE (RFC 3261 §14.2) or UPDATE (RFC 3311) in the call: answer it with
     * {@link ModifyRequest#accept} or {@link ModifyRequest#reject}. By default a refresh is accepted unchanged and a
     * real change refused 488 ({@link ModifyRequest#answerByDefault()}).
     */
    default void onModify(InboundCall call, ModifyRequest request) {
        request.answerByDefault();
    }

    /**
     * A call placed with {@link SipConnection#dial}: set up its media and {@link Dial#place} it. A dial not placed
     * by the time this returns is dropped (logged). By default the application places no calls.
     */
    default void onDial(Dial dial) {
        throw new UnsupportedOperationException(getClass().getName() + " does not place calls");
    }

    /**
     * An OPTIONS or REGISTER outside any dialog: answer it once ({@link OutOfDialogRequest#respond}); by default
     * OPTIONS gets our capabilities and REGISTER 405.
     */
    default void onRequest(OutOfDialogRequest request) {
        request.answerByDefault();
    }

    /** An INFO (RFC 6086) or MESSAGE (RFC 3428) in the call's dialog, already answered 200. Ignored by default. */
    default void onMessage(InboundCall call, DialogMessage message) {
    }

    /**
     * A REFER in the call's dialog (RFC 3515), e.g. a transfer: {@link IncomingRefer#accept()} it and report with
     * {@link IncomingRefer#notifyProgress}, or {@link IncomingRefer#reject}. Declined by default.
     */
    default void onRefer(InboundCall call, IncomingRefer refer) {
        refer.reject(603, "Declined");
    }
}
