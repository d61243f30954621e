package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sipee.session.SessionRegistry;
import org.sipee.session.SessionState;

/**
 * @CallScoped: two calls at once each get their own bean instance, shared by their @Invite, answer continuation,
 * @Dtmf and @Bye handlers, and destroyed (@PreDestroy) when the call is over.
 */
@ExtendWith(ArquillianExtension.class)
class CallScopeIT {

    static final Duration WAIT = Duration.ofSeconds(5);

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.testRar();
    }

    @Deployment(name = "app", order = 2)
    static Archive<?> app() {
        return TestDeployments.testEar("call-scope", CallScopeIT.class, CallNotes.class, CallNotesLog.class,
                CallScopeHandlers.class, DtmfLog.class, DtmfPackets.class, ToneTalker.class, EngineProbe.class);
    }

    @Inject
    CallNotesLog log;

    @Inject
    DtmfLog dtmf;

    @Inject
    SessionRegistry registry;

    @Test
    @OperateOnDeployment("app")
    void eachCallHasItsOwnInstanceUntilItEnds() throws Exception {
        try (SipPhone alice = new SipPhone(TestDeployments.TEST_SIP_PORT);
             SipPhone bob = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
            String aliceCall = alice.invite("scope", alice.pcmuOffer());
            String bobCall = bob.invite("scope", bob.pcmuOffer());
            SipResponse aliceOk = alice.expect(200, "INVITE", WAIT);
            SipResponse bobOk = bob.expect(200, "INVITE", WAIT);
            alice.ack(aliceOk);
            bob.ack(bobOk);
            // the answer continuation runs as the ACK is handled; keys pressed earlier could overtake it
            Poll.until("both calls connected", () -> connected(aliceCall) && connected(bobCall), WAIT);
            new DtmfPackets().press(alice, ToneTalker.mediaAddress(aliceOk.body()), '1');
            new DtmfPackets().press(bob, ToneTalker.mediaAddress(bobOk.body()), '2');
            Poll.until("both digits handled", () -> dtmf.of(aliceCall).size() == 1 && dtmf.of(bobCall).size() == 1, WAIT);
            alice.bye();
            alice.expect(200, "BYE", WAIT);
            Poll.until("alice's call scope ended", () -> log.of(aliceCall) != null, WAIT);
            assertEquals(null, log.of(bobCall), "bob's call is still up: its instance lives on");
            bob.bye();
            bob.expect(200, "BYE", WAIT);
            Poll.until("bob's call scope ended", () -> log.of(bobCall) != null, WAIT);

            assertEquals(List.of("invite", "answered", "digit 1", "bye REMOTE_BYE"), log.of(aliceCall));
            assertEquals(List.of("invite", "answered", "digit 2", "bye REMOTE_BYE"), log.of(bobCall));
        }
        EngineProbe.assertNothingLeft(registry, WAIT);
    }

    private boolean connected(String callId) {
        return registry.find(callId).map(call -> call.state() == SessionState.Connected).orElse(false);
    }
}
