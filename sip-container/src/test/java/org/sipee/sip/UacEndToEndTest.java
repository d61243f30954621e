package org.sipee.sip;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipee.sip.transaction.SipTimers;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.InboundCall;
import org.sipee.sip.ua.OutboundCall;
import org.sipee.sip.ua.OutboundCallListener;
import org.sipee.sip.ua.UserAgentListener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Our UAC against our UAS, two full UAs over real UDP on 127.0.0.1 with T1 = 20 ms. */
class UacEndToEndTest {

    private static final SipTimers TIMERS = new SipTimers(20, 80, 50);
    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\n";

    private final BlockingQueue<String> callee = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> caller = new LinkedBlockingQueue<>();
    private final BlockingQueue<InboundCall> inbound = new LinkedBlockingQueue<>();
    private UaNode alice;
    private UaNode bob;

    /** Bob rings every call; "answer" accepts, "busy" rejects 486, anything else keeps ringing. */
    private final UserAgentListener bobListener = new UserAgentListener() {
        @Override
        public void onInvite(InboundCall call) {
            inbound.add(call);
            callee.add("invite " + (call.remoteSdp() != null ? "sdp" : "no sdp"));
            call.sendProvisional(180, "Ringing", null);
            if (call.requestUri().startsWith("sip:answer@")) {
                call.accept(SDP);
            } else if (call.requestUri().startsWith("sip:busy@")) {
                call.reject(486, "Busy Here");
            } else if (call.requestUri().startsWith("sip:moved@")) {
                call.reject(302, "Moved Temporarily", Map.of("Contact", "<sip:desk@192.0.2.7>, <sip:mobile@192.0.2.8>;q=0.5"));
            }
        }

        @Override
        public void onAck(InboundCall call) {
            callee.add("ack");
        }

        @Override
        public void onCallEnded(InboundCall call, CallEndReason reason) {
            callee.add("ended " + reason);
        }
    };

    private final OutboundCallListener aliceListener = new OutboundCallListener() {
        @Override
        public void onProvisional(OutboundCall call, int status, String reason, String sdp) {
            caller.add("provisional " + status);
        }

        @Override
        public void onAnswered(OutboundCall call, String sdp) {
            caller.add("answered " + (sdp != null ? "sdp" : "no sdp"));
        }

        @Override
        public void onFailed(OutboundCall call, int status, String reason) {
            caller.add("failed " + status);
        }

        @Override
        public void onEnded(OutboundCall call, CallEndReason reason) {
            caller.add("ended " + reason);
        }
    };

    @BeforeEach
    void start() throws IOException {
        bob = new UaNode(TIMERS, bobListener);
        alice = new UaNode(TIMERS, new UserAgentListener() {
            @Override public void onInvite(InboundCall call) { call.reject(603, "Decline"); }
            @Override public void onAck(InboundCall call) { }
            @Override public void onCallEnded(InboundCall call, CallEndReason reason) { }
        });
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
    }

    private OutboundCall call(String user) {
        return alice.uac.call(alice.uri("alice"), bob.uri(user), SDP, aliceListener);
    }

    private static String next(BlockingQueue<String> queue) throws InterruptedException {
        return queue.poll(3, TimeUnit.SECONDS);
    }

    @Test
    void answeredCallHungUpByTheCaller() throws InterruptedException {
        OutboundCall call = call("answer");
        assertEquals("invite sdp", next(callee));
        assertEquals("provisional 180", next(caller));
        assertEquals("answered sdp", next(caller));
        assertEquals("ack", next(callee), "our ACK for the 2xx reached the UAS");
        call.hangUp();
        assertEquals("ended LOCAL_BYE", next(caller));
        assertEquals("ended REMOTE_BYE", next(callee), "our BYE reached the UAS");
        assertNull(caller.poll(200, TimeUnit.MILLISECONDS), "nothing else: no 2xx retransmissions reported");
    }

    @Test
    void answeredCallHungUpByTheCallee() throws InterruptedException {
        call("answer");
        assertEquals("invite sdp", next(callee));
        assertEquals("provisional 180", next(caller));
        assertEquals("answered sdp", next(caller));
        assertEquals("ack", next(callee));
        inbound.take().hangUp();
        assertEquals("ended LOCAL_BYE", next(callee));
        assertEquals("ended REMOTE_BYE", next(caller), "the callee's BYE reached our outbound call");
    }

    @Test
    void busyIsReportedAndAcked() throws InterruptedException {
        call("busy");
        assertEquals("provisional 180", next(caller));
        assertEquals("failed 486", next(caller));
        assertEquals("invite sdp", next(callee));
        assertEquals("ended REJECTED", next(callee));
    }

    @Test
    void redirectCarriesItsContactsInTheFinalResponse() throws InterruptedException {
        OutboundCall call = call("moved");
        assertEquals("provisional 180", next(caller));
        assertEquals("failed 302", next(caller));
        assertEquals(302, call.finalResponse().status());
        assertEquals(List.of("<sip:desk@192.0.2.7>", "<sip:mobile@192.0.2.8>;q=0.5"), call.finalResponse().headerValues("Contact"));
    }

    @Test
    void answeredCallKeepsItsTwoHundred() throws InterruptedException {
        OutboundCall call = call("answer");
        assertNull(call.finalResponse(), "nothing final before the answer is reported");
        assertEquals("provisional 180", next(caller));
        assertEquals("answered sdp", next(caller));
        assertEquals(200, call.finalResponse().status());
        call.hangUp();
        assertEquals("ended LOCAL_BYE", next(caller));
    }

    @Test
    void cancelWhileRinging() throws InterruptedException {
        OutboundCall call = call("ring");
        assertEquals("provisional 180", next(caller));
        call.cancel();
        assertEquals("failed 487", next(caller));
        assertEquals("invite sdp", next(callee));
        assertEquals("ended CANCELLED", next(callee));
    }
}
