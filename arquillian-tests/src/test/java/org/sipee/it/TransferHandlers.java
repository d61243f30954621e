package org.sipee.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.session.Call;
import org.sipee.session.IncomingCall;
import org.sipee.session.Invite;

/** Calls the application transfers with its own REFER, blind and attended; keeps each outcome. */
@ApplicationScoped
public class TransferHandlers {

    private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    private final AtomicReference<Call> waiting = new AtomicReference<>();

    /** sip:transfer-PORT@: answers, then transfers the caller (blind) to sip:desk@127.0.0.1:PORT. */
    @Invite("sip:transfer-*@*")
    void transferAway(IncomingCall call) {
        String port = call.requestUri().replaceFirst("^sip:transfer-(\\d+)@.*$", "$1");
        call.answer().thenAccept(answered -> answered.transfer("sip:desk@127.0.0.1:" + port)
                .thenAccept(status -> outcomes.put(call.callId(), status)));
    }

    /**
     * sip:attended@: the first caller waits (answered); when a second one has answered, the first is transferred to the
     * second's phone, replacing our call with it (REFER with Replaces).
     */
    @Invite("sip:attended@*")
    void attended(IncomingCall call) {
        call.answer().thenAccept(answered -> {
            Call first = waiting.getAndSet(answered);
            if (first != null) {
                first.transfer(answered).thenAccept(status -> outcomes.put(first.callId(), status));
            }
        });
    }

    /** The final status of the call's transfer, or null before it ended (a method: the bean is a CDI proxy). */
    public Integer outcome(String callId) {
        return outcomes.get(callId);
    }
}
