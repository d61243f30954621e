package org.sipee.sip.ua;

import java.util.List;

/**
 * What the stack reports about one {@link OutboundRegistration}. Called on a stack event-loop thread, one event at
 * a time: implementations must not block. {@link #onEnded()} is the last call.
 */
public interface RegistrationListener {

    /**
     * The registrar answered 2xx (§10.2.4): our binding holds for {@code grantedSeconds}; {@code bindings} are all
     * the Contact values of the 2xx (every binding of the AOR, §10.3 step 8). Again after each refresh.
     */
    void onRegistered(int grantedSeconds, List<String> bindings);

    /**
     * A REGISTER failed: its final status 300-699 (401/407 after our credentials were refused, 423 we could not
     * satisfy), 408 on a timeout, 503 on a transport error. The stack tries again after a back-off.
     */
    void onFailed(int status, String reason);

    /** The registration is over: after close() (once the Expires: 0 REGISTER is answered or failed), or shutdown. */
    void onEnded();
}
