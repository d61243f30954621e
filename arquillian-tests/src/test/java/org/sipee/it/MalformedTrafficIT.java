package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Garbage on the SIP port does not hurt the stack: a valid call right after still works. */
@ExtendWith(ArquillianExtension.class)
class MalformedTrafficIT {

    static final Duration WAIT = Duration.ofSeconds(5);

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.testRar();
    }

    @Deployment(name = "app", order = 2)
    static Archive<?> app() {
        return TestDeployments.testEar("malformed", MalformedTrafficIT.class, EngineProbe.class);
    }

    @Inject
    TestHandlers handlers;

    @Test
    @OperateOnDeployment("app")
    void garbageThenValidCall() throws Exception {
        long malformedBefore = EngineProbe.stats().sip().malformedMessages();
        try (SipPhone phone = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
            byte[] random = new byte[1200];
            new Random(42).nextBytes(random);
            phone.sendRaw(random);

            String invite = phone.request("INVITE", "sip:answer@127.0.0.1:5070", "z9hG4bKtrunc", "<sip:answer@127.0.0.1>", 1, "", "");
            phone.sendRaw(invite.substring(0, invite.indexOf("CSeq") + 3).getBytes(StandardCharsets.UTF_8));

            // 70 KB cannot travel in one UDP datagram (65,507 bytes max): send the largest one, a ~64 KB header
            String huge = "X-Padding: " + "a".repeat(64_000) + "\r\n";
            phone.sendRaw(phone.request("INVITE", "sip:answer@127.0.0.1:5070", "z9hG4bKhuge", "<sip:answer@127.0.0.1>", 1, huge, "")
                    .getBytes(StandardCharsets.UTF_8));

            Poll.until("the garbage counted as malformed",
                    () -> EngineProbe.stats().sip().malformedMessages() >= malformedBefore + 2,
                    () -> EngineProbe.stats().toString(), WAIT);

            String callId = phone.invite("answer", phone.pcmuOffer());
            SipResponse ok = phone.expect(200, "INVITE", WAIT);
            phone.ack(ok);
            assertTrue(phone.receiveRtp(11, 0, WAIT) > 10, "RTP flows");
            phone.bye();
            phone.expect(200, "BYE", WAIT);
            Poll.until("@Bye handler", () -> handlers.sawBye(callId), WAIT);
            Poll.until("engine idle", EngineProbe::idle, () -> EngineProbe.stats().toString(), Duration.ofSeconds(10));
        }
    }
}
