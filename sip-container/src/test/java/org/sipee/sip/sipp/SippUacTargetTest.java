package org.sipee.sip.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipee.sip.SipStack;
import org.sipee.sip.SipStackConfig;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.InboundCall;
import org.sipee.sip.ua.OutboundCall;
import org.sipee.sip.ua.UserAgentListener;

/**
 * Our engine as the caller, SIPp as the callee (sipp/uac_target.xml, sipp/forking_test.xml): SIPp checks what
 * our UAC puts on the wire (the offer, the ACK and the BYE in the right dialog), this test what the
 * OutboundCallListener reports. RFC timers (T1 500 ms), as a real caller runs.
 */
class SippUacTargetTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String FROM = "sip:caller@127.0.0.1";
    private static final String OFFER = "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n";

    private SipStack stack;

    @BeforeEach
    void start() throws IOException {
        stack = SipStack.start(SipStackConfig.defaults("127.0.0.1", 0), null, new NoInboundCalls());
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    @Test
    void callAnsweredBySippAndHungUpByUs() throws Exception {
        try (SippProcess sipp = SippProcess.start("uac_target.xml")) {
            CallEvents events = new CallEvents();
            OutboundCall call = stack.userAgent().call(FROM, sipp.uri(), OFFER, events);

            String answer = events.answered.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(answer != null && answer.contains("m=audio ") && answer.contains("RTP/AVP 0"),
                    "SIPp's SDP answer reaches the listener: " + answer);
            call.hangUp();
            assertEquals(CallEndReason.LOCAL_BYE, events.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS));

            sipp.assertPassed(WAIT);
            assertEquals(List.of("provisional 180", "answered", "ended LOCAL_BYE"), events.all());
        }
    }

    @Test
    void forkedCallIsConfirmedAndEndedInTheAnsweringDialog() throws Exception {
        try (SippProcess sipp = SippProcess.start("forking_test.xml")) {
            CallEvents events = new CallEvents();
            OutboundCall call = stack.userAgent().call(FROM, sipp.uri(), OFFER, events);

            events.answered.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            call.hangUp();
            assertEquals(CallEndReason.LOCAL_BYE, events.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS));

            // SIPp asserts the ACK and the BYE went to dialog A (tag fork-a, Contact callee-a)
            sipp.assertPassed(WAIT);
            assertEquals(List.of("180 Ringing", "180 Ringing"), events.provisionals, "one 180 per early dialog");
            assertEquals(List.of("provisional 180", "provisional 180", "answered", "ended LOCAL_BYE"), events.all(),
                    "answered once, though two early dialogs existed");
        }
    }

    /** This stack only calls out. */
    private static final class NoInboundCalls implements UserAgentListener {
        @Override public void onInvite(InboundCall call) { call.reject(603, "Decline"); }
        @Override public void onAck(InboundCall call) { }
        @Override public void onCallEnded(InboundCall call, CallEndReason reason) { }
    }
}
