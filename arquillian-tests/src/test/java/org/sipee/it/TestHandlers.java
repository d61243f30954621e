package org.sipee.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.session.Bye;
import org.sipee.session.CallEnded;
import org.sipee.session.Cancel;
import org.sipee.session.IncomingCall;
import org.sipee.session.Invite;

/**
 * The test application: what it does depends on the user part of the request-URI
 * (answer: ring, answer, play 440 Hz; ring: ring only; boom: throws). Records every call.
 */
@ApplicationScoped
public class TestHandlers {

    private final List<String> invites = new CopyOnWriteArrayList<>();
    private final List<CallEnded> byes = new CopyOnWriteArrayList<>();
    private final List<CallEnded> cancels = new CopyOnWriteArrayList<>();
    private final List<Throwable> answerFailures = new CopyOnWriteArrayList<>();

    @Invite
    void onInvite(IncomingCall call) {
        invites.add(call.callId());
        String uri = call.requestUri();
        if (uri.startsWith("sip:boom@")) {
            throw new IllegalStateException("test handler fails on purpose");
        }
        if (uri.startsWith("sip:moved@")) {
            call.redirect(302, List.of("sip:desk@192.0.2.7", "<sip:mobile@192.0.2.8>;q=0.5"));
            return;
        }
        call.ringing(); // sip:ring@ stays undecided: the answer timeout refuses it
        if (uri.startsWith("sip:answer@")) {
            call.answer()
                    .thenAccept(answered -> answered.playTone(440))
                    .exceptionally(failure -> {
                        answerFailures.add(failure);
                        return null;
                    });
        }
    }

    @Bye
    void onBye(CallEnded ended) {
        byes.add(ended);
    }

    @Cancel
    void onCancel(CallEnded ended) {
        cancels.add(ended);
    }

    public boolean sawInvite(String callId) {
        return invites.contains(callId);
    }

    public List<Throwable> answerFailures() {
        return List.copyOf(answerFailures);
    }

    public boolean sawBye(String callId) {
        return byes.stream().anyMatch(e -> e.callId().equals(callId));
    }

    public boolean sawCancel(String callId) {
        return cancels.stream().anyMatch(e -> e.callId().equals(callId));
    }
}
