package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
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
import org.sipee.session.IncomingCall;
import org.sipee.session.SessionRegistry;

/**
 * The adapter's media events as an application's MDB receives them from the topic (README, "Media events"), for a
 * real call over loopback: the caller presses keys (RFC 4733) and talks, then hangs up.
 */
@ExtendWith(ArquillianExtension.class)
class MediaEventsIT {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Deployment(name = "rar", order = 1, testable = false)
    static Archive<?> rar() {
        return TestDeployments.rarWith(TestDeployments.TEST_SIP_PORT, 50, Map.of("qualityReportSeconds", "1"));
    }

    @Deployment(name = "app", order = 2)
    static Archive<?> app() {
        return TestDeployments.testEar("media-events", MediaEventsIT.class, MediaEventMdb.class, MediaEventLog.class,
                DtmfPackets.class, DtmfLog.class, ToneTalker.class, EngineProbe.class);
    }

    @Inject
    MediaEventLog events;

    @Inject
    DtmfLog dtmf;

    @Inject
    SessionRegistry registry;

    @Test
    @OperateOnDeployment("app")
    void callPublishesStartDigitsQualityAndStop() throws Exception {
        String callId;
        InetSocketAddress ourMedia;
        int talked = 0;
        try (SipPhone phone = new SipPhone(TestDeployments.TEST_SIP_PORT)) {
            callId = phone.invite("answer", phone.pcmuOffer());
            SipResponse ok = phone.expect(200, "INVITE", WAIT);
            phone.ack(ok);
            ourMedia = ToneTalker.mediaAddress(ok.body());
            DtmfPackets caller = new DtmfPackets();
            for (char key : "4#2".toCharArray()) {
                caller.press(phone, ourMedia, key);
            }
            // talks, paced by the tone the handler plays (a packet back per packet heard), until a periodic report
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (events.of(callId, "QualityReport").isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "no QualityReport while talking: " + events.types(callId));
                assertEquals(1, phone.receiveRtp(1, 0, WAIT), "our tone");
                caller.talk(phone, ourMedia);
                talked++;
            }
            IncomingCall call = registry.find(callId).orElseThrow();
            Poll.until("the session coordinator applied the QualityReport", () -> call.mediaQuality().isPresent(), WAIT);
            assertTrue(call.mediaStarted(), "the session knows RTP arrived");
            assertEquals(0L, call.mediaQuality().orElseThrow().packetsLost(), call.mediaQuality().toString());
            phone.bye();
            phone.expect(200, "BYE", WAIT);
        }
        Poll.until("MediaStopped", () -> events.types(callId).contains("MediaStopped"), () -> events.types(callId).toString(), WAIT);
        List<Map<String, Object>> all = events.of(callId);
        List<String> types = events.types(callId);

        assertEquals("MediaStarted", types.get(0), types.toString());
        assertEquals(List.of("4", "#", "2"), events.of(callId, "DtmfReceived").stream().map(e -> e.get("digit")).toList());
        events.of(callId, "DtmfReceived").forEach(e -> assertEquals(100L, e.get("durationMillis"), e.toString()));
        assertEquals(List.of('4', '#', '2'), dtmf.of(callId), "the @Dtmf handler heard each digit once");

        Map<String, Object> periodic = events.of(callId, "QualityReport").get(0);
        assertTrue((Long) periodic.get("packetsReceived") > 0, periodic.toString());
        double mos = (Double) periodic.get("mos");
        assertTrue(mos >= 1 && mos <= 4.5, "a MOS: " + periodic);
        assertEquals(0L, periodic.get("packetsLost"), periodic.toString());

        assertEquals("MediaStopped", types.get(types.size() - 1), types.toString());
        Map<String, Object> stopped = all.get(all.size() - 1);
        assertEquals(3L * 4 + talked, stopped.get("packetsReceived"), "every packet the caller sent: " + stopped);
        assertEquals(0L, stopped.get("packetsLost"), "the final quality: " + stopped);
        assertTrue(stopped.containsKey("mos"), "the final quality: " + stopped);
        assertTrue((Long) stopped.get("packetsSent") >= talked, "our tone: " + stopped);
        assertFalse(types.contains("MediaFailure"), types.toString());

        for (Map<String, Object> event : all) {
            assertEquals(2, event.get("sipeeEventVersion"), event.toString());
            assertEquals(ourMedia.getPort(), event.get("rtpPort"), event.toString());
            assertTrue(event.get("eventTime") instanceof Long, event.toString());
        }
        EngineProbe.assertNothingLeft(registry, WAIT);
    }
}
