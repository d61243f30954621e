package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sipee.session.SessionRegistry;

/**
 * Call transfer with phones over loopback UDP, on the demo's forwarding route (sip:9NUMBER@, a back-to-back call):
 * the caller transfers the callee elsewhere with REFER (blind, RFC 3515) and hears the progress as NOTIFYs; a third
 * phone takes the caller's place with INVITE/Replaces (RFC 3891, the target's side of an attended transfer); and the
 * application transfers a caller away with its own REFER. After each, the right phones hear each other and nothing is
 * left.
 */
@ExtendWith(ArquillianExtension.class)
class TransferIT {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration CLEANUP = Duration.ofSeconds(10);

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.testRar();
    }

    @Deployment(name = "demo", order = 2)
    static Archive<?> demo() {
        return TestDeployments.demoEarWith("transfer", TransferIT.class, TransferHandlers.class, EngineProbe.class,
                ToneTalker.class, DtmfPackets.class);
    }

    @Inject
    SessionRegistry registry;

    @Inject
    TransferHandlers transfers;

    SipPhone a;
    SipPhone b;
    SipPhone c;

    @BeforeEach
    void phones() throws Exception {
        a = new SipPhone(TestDeployments.TEST_SIP_PORT);
        b = new SipPhone(TestDeployments.TEST_SIP_PORT);
        c = new SipPhone(TestDeployments.TEST_SIP_PORT);
        System.setProperty("sipee.demo.forwardTo", "127.0.0.1:" + b.sipPort());
    }

    @AfterEach
    void hangUp() {
        System.clearProperty("sipee.demo.forwardTo"); // the server's JVM: later tests (the SIPp scenarios) use the default
        a.close();
        b.close();
        c.close();
    }

    @Test
    @OperateOnDeployment("demo")
    void blindTransferByTheCallerConnectsTheCalleeToTheTarget() throws Exception {
        String bInvite = forwardedCallFromAToB("9200");

        a.inDialog("REFER", "Refer-To: <sip:carol@127.0.0.1:" + c.sipPort() + ">\r\nReferred-By: <sip:phone@127.0.0.1>\r\n", "");
        a.expect(202, "REFER", WAIT);
        assertNotify(a.expectRequest("NOTIFY", WAIT), "SIP/2.0 100 Trying", "active");

        String cInvite = c.expectRequest("INVITE", WAIT);
        assertTrue(cInvite.startsWith("INVITE sip:carol@127.0.0.1:" + c.sipPort() + " "), cInvite);
        c.respond(cInvite, 180, "Ringing", null);
        assertNotify(a.expectRequest("NOTIFY", WAIT), "SIP/2.0 180 Ringing", "active");
        c.respond(cInvite, 200, "OK", c.g711Offer(1, "0 101", "sendrecv"));
        c.expectRequest("ACK", WAIT);
        assertNotify(a.expectRequest("NOTIFY", WAIT), "SIP/2.0 200 OK", "terminated");
        a.bye(); // RFC 5589 §6: the transferor hangs up
        a.expect(200, "BYE", WAIT);

        assertTalking(b, body(bInvite), c, body(cInvite));
        b.byeAsCallee(bInvite);
        b.expect(200, "BYE", WAIT);
        c.respond(c.expectRequest("BYE", WAIT), 200, "OK", null);
        EngineProbe.assertNothingLeft(registry, CLEANUP);
    }

    @Test
    @OperateOnDeployment("demo")
    void anInviteWithReplacesTakesTheCallersPlace() throws Exception {
        String bInvite = forwardedCallFromAToB("9201");

        c.invite("9201", c.pcmuOffer(), "Replaces: " + a.replacesValue() + "\r\nRequire: replaces\r\n");
        SipResponse ok = c.expect(200, "INVITE", WAIT);
        c.ack(ok);
        a.respond(a.expectRequest("BYE", WAIT), 200, "OK", null); // RFC 3891 §3: the replaced dialog ends

        assertTalking(b, body(bInvite), c, ok.body());
        c.bye();
        c.expect(200, "BYE", WAIT);
        b.respond(b.expectRequest("BYE", WAIT), 200, "OK", null);
        EngineProbe.assertNothingLeft(registry, CLEANUP);
    }

    @Test
    @OperateOnDeployment("demo")
    void aReplacesNamingNoCallIsRefused481() throws Exception {
        a.invite("9202", a.pcmuOffer(), "Replaces: unknown@127.0.0.1;to-tag=1;from-tag=2\r\n");
        a.ack(a.expect(481, "INVITE", WAIT));
        EngineProbe.assertNothingLeft(registry, Duration.ofSeconds(40)); // the 481's transaction lasts Timer H/I
    }

    @Test
    @OperateOnDeployment("demo")
    void theApplicationTransfersACallerAwayWithRefer() throws Exception {
        String callId = a.invite("transfer-" + c.sipPort(), a.pcmuOffer());
        a.ack(a.expect(200, "INVITE", WAIT));

        String refer = a.expectRequest("REFER", WAIT);
        assertEquals("<sip:desk@127.0.0.1:" + c.sipPort() + ">", SipPhone.headerOf(refer, "Refer-To"));
        a.respond(refer, 202, "Accepted", null);
        a.inDialog("NOTIFY", "Event: refer\r\nSubscription-State: terminated;reason=noresource\r\n"
                + "Content-Type: message/sipfrag;version=2.0\r\n", "SIP/2.0 200 OK\r\n");
        a.expect(200, "NOTIFY", WAIT);
        a.respond(a.expectRequest("BYE", WAIT), 200, "OK", null); // transferred: the application hangs up
        Poll.until("the transfer's outcome", () -> transfers.outcome(callId) != null, WAIT);
        assertEquals(200, transfers.outcome(callId));
        EngineProbe.assertNothingLeft(registry, CLEANUP);
    }

    @Test
    @OperateOnDeployment("demo")
    void theApplicationConnectsTwoCallersByAttendedTransfer() throws Exception {
        String first = a.invite("attended", a.pcmuOffer());
        a.ack(a.expect(200, "INVITE", WAIT));
        Poll.until("the first caller answered", () -> registry.find(first).isPresent(), WAIT);
        String second = c.invite("attended", c.pcmuOffer());
        SipResponse secondOk = c.expect(200, "INVITE", WAIT);
        c.ack(secondOk);

        String refer = a.expectRequest("REFER", WAIT);
        String referTo = SipPhone.headerOf(refer, "Refer-To");
        String serverTag = secondOk.to().replaceAll(".*;tag=([^;>\\s]+).*", "$1");
        String replaces = URLDecoder.decode(referTo.replaceAll(".*\\?Replaces=([^>]*)>.*", "$1"), StandardCharsets.UTF_8);
        assertTrue(referTo.startsWith("<sip:phone@127.0.0.1:" + c.sipPort() + "?Replaces="), referTo);
        assertEquals(second + ";to-tag=" + c.fromTag() + ";from-tag=" + serverTag, replaces,
                "names our call with the second phone, its tag as to-tag (RFC 3891 §3)");
        a.respond(refer, 202, "Accepted", null);
        a.inDialog("NOTIFY", "Event: refer\r\nSubscription-State: terminated;reason=noresource\r\n"
                + "Content-Type: message/sipfrag;version=2.0\r\n", "SIP/2.0 200 OK\r\n");
        a.expect(200, "NOTIFY", WAIT);
        a.respond(a.expectRequest("BYE", WAIT), 200, "OK", null);
        c.respond(c.expectRequest("BYE", WAIT), 200, "OK", null); // replaced: both our calls end
        Poll.until("the transfer's outcome", () -> transfers.outcome(first) != null, WAIT);
        assertEquals(200, transfers.outcome(first));
        EngineProbe.assertNothingLeft(registry, CLEANUP);
    }

    /** A calls sip:9NUMBER@, forwarded to B, answered and bridged; returns the INVITE B received. */
    private String forwardedCallFromAToB(String number) throws Exception {
        String callId = a.inviteAs("alice", "alice-password", number, a.pcmuOffer());
        String invite = b.expectRequest("INVITE", WAIT);
        b.respond(invite, 200, "OK", b.g711Offer(1, "0 101", "sendrecv"));
        b.expectRequest("ACK", WAIT);
        a.ack(a.expect(200, "INVITE", WAIT));
        Poll.until("A's and B's calls bridged", () -> registry.find(callId).map(call -> call.bridged().isPresent())
                .orElse(false), WAIT);
        return invite;
    }

    private static void assertNotify(String notify, String statusLine, String subscriptionState) {
        assertTrue(SipPhone.headerOf(notify, "Event").startsWith("refer"), notify);
        assertTrue(SipPhone.headerOf(notify, "Subscription-State").startsWith(subscriptionState), notify);
        assertTrue(SipPhone.headerOf(notify, "Content-Type").startsWith("message/sipfrag"), notify);
        assertTrue(body(notify).startsWith(statusLine), notify);
    }

    /** Each phone sends its tone to the other's media address at the server, and hears only the other's. */
    private static void assertTalking(SipPhone first, String firstSdp, SipPhone second, String secondSdp) throws Exception {
        try (ToneTalker one = new ToneTalker(first, firstSdp, 440); ToneTalker two = new ToneTalker(second, secondSdp, 1000)) {
            first.drainRtp(Duration.ofMillis(200));
            second.drainRtp(Duration.ofMillis(200));
            Tones.assertDominant(second.receiveAudio(50, 0, WAIT), 440, 40, "the second phone hears the first");
            Tones.assertDominant(first.receiveAudio(50, 0, WAIT), 1000, 40, "the first phone hears the second");
        }
    }

    private static String body(String message) {
        return message.substring(message.indexOf("\r\n\r\n") + 4);
    }
}
