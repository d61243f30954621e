package org.sipee.demo;

import java.util.logging.Logger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.session.IncomingCall;
import org.sipee.session.Invite;
import org.sipee.session.Refer;
import org.sipee.session.TransferRequest;

/**
 * sip:9NUMBER@...: a back-to-back user agent that calls NUMBER behind it, at sip:NUMBER@ the host:port of the system
 * property {@code sipee.demo.forwardTo} (default 127.0.0.1:5080, e.g. a PBX or a softphone), rings the caller
 * meanwhile, bridges both on the answer and passes a refusal on (busy stays busy). Either party may transfer the
 * other (REFER): the other party is then connected to the transfer target. Forwarding places calls at our expense,
 * so only authenticated phones (role {@code phone}) may use it.
 */
@ApplicationScoped
public class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class.getName());
    static final String FORWARD_TO = "sipee.demo.forwardTo";

    @Invite("sip:9*@*")
    @RolesAllowed("phone")
    void onInvite(IncomingCall call) {
        String number = call.requestUri().replaceFirst("^sips?:9([^@;]*)@.*$", "$1");
        if (!number.matches("\\d{1,15}")) { // E.164 at most
            call.reject(404, "Not Found");
            return;
        }
        String target = "sip:" + number + "@" + System.getProperty(FORWARD_TO, "127.0.0.1:5080");
        LOG.info(() -> "call " + call.callId() + " from " + call.caller().orElseThrow() + " forwarded to " + target);
        call.connectTo(target).whenComplete((callee, failure) -> LOG.info(() -> failure == null
                ? "call " + call.callId() + " bridged to " + callee.callId()
                : "call " + call.callId() + " not connected to " + target + ": " + failure.getMessage()));
    }

    /** A party of a forwarded call may transfer the other; other calls (the IVR, the echo test) have nobody to transfer. */
    @Refer
    void onRefer(TransferRequest transfer) {
        if (transfer.call().bridged().isEmpty()) {
            transfer.reject(603, "Declined");
            return;
        }
        LOG.info(() -> "call " + transfer.call().callId() + " transfers its partner to " + transfer.target());
        transfer.accept().whenComplete((target, failure) -> LOG.info(() -> failure == null
                ? "transfer to " + transfer.target() + " answered: " + target.callId()
                : "transfer to " + transfer.target() + " failed: " + failure.getMessage()));
    }
}
