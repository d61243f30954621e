package org.sipee.demo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.sipee.session.Bye;
import org.sipee.session.Call;
import org.sipee.session.CallEnded;
import org.sipee.session.IncomingCall;
import org.sipee.session.Invite;

/**
 * sip:ivr@...: a voice menu. It answers, says "press 1 for the echo test, 2 to leave a voicemail, 3 to hear a tone"
 * and hands the call to that demo ({@link EchoTest}, {@link Voicemail}, {@link ToneAnswerer}: the same call, in
 * this application, no SIP transfer). Other keys hear "not a valid choice" and the menu again; a caller who chooses
 * nothing hears the menu again after {@link IvrSettings#choiceTimeout()}, and after the last replay a goodbye
 * before we hang up. The menu itself is {@link IvrCall}.
 */
@ApplicationScoped
public class IvrMenu {

    private static final Logger LOG = Logger.getLogger(IvrMenu.class.getName());

    /** The server's scheduler: its threads are managed, nothing of ours to shut down but the pending timers. */
    @Resource
    ManagedScheduledExecutorService timers;

    @Inject
    IvrPrompts prompts;

    @Inject
    EchoTest echoTest;

    @Inject
    Voicemail voicemail;

    @Inject
    ToneAnswerer toneAnswerer;

    private Map<Character, Consumer<Call>> choices;
    private final Map<String, IvrCall> calls = new ConcurrentHashMap<>();

    @PostConstruct
    void mapChoices() {
        choices = Map.of('1', echoTest::start, '2', voicemail::takeMessage, '3', toneAnswerer::playTone);
    }

    /** The settings are read before the answer: a bad property fails the call with 500 and a log naming it. */
    @Invite("sip:ivr@*")
    void onInvite(IncomingCall call) {
        IvrSettings settings = IvrSettings.fromSystemProperties();
        call.ringing();
        call.answer()
                .thenAccept(answered -> {
                    IvrCall menu = new IvrCall(answered, prompts, settings, timers, choices);
                    calls.put(answered.callId(), menu);
                    menu.start();
                })
                .exceptionally(failure -> {
                    LOG.info(() -> "IVR call " + call.callId() + " not answered: " + failure.getMessage());
                    return null;
                });
    }

    /** Every call of the application ends here; those in the menu stop their timers. */
    @Bye
    void onBye(CallEnded ended) {
        IvrCall menu = calls.remove(ended.callId());
        if (menu != null) {
            menu.ended();
        }
    }

    /** Undeploy: the calls are abandoned by the session layer, their timers must not fire into the next deployment. */
    @PreDestroy
    void stop() {
        calls.values().forEach(IvrCall::ended);
        calls.clear();
    }
}
