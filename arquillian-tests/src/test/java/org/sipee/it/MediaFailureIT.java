package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sipee.session.SessionRegistry;

/** A caller that sends no RTP: the adapter publishes MediaFailure, the session's media fails, the call is hung up. */
@ExtendWith(ArquillianExtension.class)
class MediaFailureIT {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.rarWith(TestDeployments.TEST_SIP_PORT, 50, Map.of("mediaTimeoutSeconds", "1"));
    }

    @Deployment(name = "app", order = 2)
    static Archive<?> app() {
        return TestDeployments.testEar("media-failure", MediaFailureIT.class, MediaEventMdb.class, MediaEventLog.class,
                SessionEventLog.class, EngineProbe.class);
    }

    @Inject
    MediaEventLog events;

    @Inject
    SessionEventLog session;

    @Inject
    TestHandlers handlers;

    @Inject
    SessionRegistry registry;

    @Test
    @OperateOnDeployment("app")
    void silentCallerGivesMediaFailureAndFailedMedia() throws Exception {
        String callId;
        try (SipPhone phone = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
            callId = phone.invite("answer", phone.pcmuOffer());
            phone.ack(phone.expect(200, "INVITE", WAIT));
            String bye = phone.expectRequest("BYE", WAIT); // no RTP from us for 1 s
            phone.respond(bye, 200, "OK", null);
        }
        Poll.until("MediaStopped", () -> events.types(callId).contains("MediaStopped"), () -> events.types(callId).toString(), WAIT);
        assertEquals(List.of("MediaFailure", "MediaStopped"), events.types(callId), "no MediaStarted: nothing arrived");
        Map<String, Object> failure = events.of(callId, "MediaFailure").get(0);
        assertEquals("MediaTimeout", failure.get("reason"), failure.toString());
        assertEquals(1L, failure.get("timeoutSeconds"), failure.toString());
        Map<String, Object> report = events.of(callId, "MediaStopped").get(0);
        assertEquals(0L, report.get("packetsReceived"), report.toString());
        assertTrue(!report.containsKey("mos"), "no MOS without packets: " + report);

        Poll.until("the session's end", () -> session.of(callId).contains("terminated MEDIA_TIMEOUT"), () -> session.of(callId).toString(), WAIT);
        List<String> log = session.of(callId);
        assertTrue(log.indexOf("media Active -> Failed") >= 0 && log.indexOf("media Active -> Failed") < log.indexOf("media Failed -> None"),
                "media failed, then released: " + log);
        assertTrue(handlers.sawBye(callId));
        EngineProbe.assertNothingLeft(registry, WAIT);
    }
}
