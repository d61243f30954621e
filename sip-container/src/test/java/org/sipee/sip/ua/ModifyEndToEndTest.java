package org.sipee.sip.ua;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipee.sip.UaNode;
import org.sipee.sip.transaction.SipTimers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our UAC against our UAS over real UDP on 127.0.0.1 (T1 = 20 ms): re-INVITE hold and resume, glare, UPDATE in an
 * early dialog, INFO both ways, and the RFC 3262 PRACK flow.
 */
class ModifyEndToEndTest {

    private static final SipTimers TIMERS = new SipTimers(20, 80, 50);
    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\n";

    private final BlockingQueue<String> bobEvents = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> aliceEvents = new LinkedBlockingQueue<>();
    private final CompletableFuture<InboundCall> inbound = new CompletableFuture<>();
    private UaNode alice;
    private UaNode bob;

    /** Bob: "answer" is answered at once; "early" rings with a 183 (reliable when asked) and waits. */
    private final UserAgentListener bobListener = new UserAgentListener() {
        @Override
        public void onInvite(InboundCall call) {
            inbound.complete(call);
            call.sendProvisional(183, "Session Progress", SDP);
            if (call.requestUri().startsWith("sip:answer@")) {
                call.accept(SDP);
            }
        }

        @Override public void onAck(InboundCall call) { bobEvents.add("ack"); }
        @Override public void onCallEnded(InboundCall call, CallEndReason reason) { bobEvents.add("ended " + reason); }

        @Override
        public void onModify(InboundCall call, ModifyRequest request) { // answers hold with recvonly, else sendrecv
            boolean hold = request.offerSdp() != null && request.offerSdp().contains("a=sendonly");
            bobEvents.add("modify " + request.method() + (hold ? " hold" : ""));
            request.accept(SDP.replace("o=- 1 1", "o=- 1 " + (2 + bobEvents.size())) + (hold ? "a=recvonly\r\n" : ""));
        }

        @Override
        public void onMessage(InboundCall call, DialogMessage message) {
            bobEvents.add("message " + message.method() + " " + message.bodyText());
        }
    };

    private final OutboundCallListener aliceListener = new OutboundCallListener() {
        @Override public void onProvisional(OutboundCall call, int status, String reason, String sdp) {
            aliceEvents.add("provisional " + status);
        }
        @Override public void onAnswered(OutboundCall call, String sdp) { aliceEvents.add("answered"); }
        @Override public void onFailed(OutboundCall call, int status, String reason) { aliceEvents.add("failed " + status); }
        @Override public void onEnded(OutboundCall call, CallEndReason reason) { aliceEvents.add("ended " + reason); }
        @Override public void onMessage(OutboundCall call, DialogMessage message) {
            aliceEvents.add("message " + message.method() + " " + message.bodyText());
        }
        @Override public void onModify(OutboundCall call, ModifyRequest request) {
            aliceEvents.add("modify " + request.method());
            request.answerByDefault();
        }
    };

    @BeforeEach
    void start() throws IOException {
        alice = new UaNode(TIMERS, UaPolicy.DEFAULTS, new UserAgentListener() {
            @Override public void onInvite(InboundCall call) { call.reject(603, "Decline"); }
            @Override public void onAck(InboundCall call) { }
            @Override public void onCallEnded(InboundCall call, CallEndReason reason) { }
        });
        bob = new UaNode(TIMERS, UaPolicy.DEFAULTS, bobListener);
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
    }

    private String next(BlockingQueue<String> events) throws InterruptedException {
        String event = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(event, "no event within 5 s");
        return event;
    }

    private OutboundCall answeredCall() throws Exception {
        OutboundCall call = alice.uac.call(alice.uri("alice"), bob.uri("answer"), SDP, aliceListener);
        assertEquals("provisional 183", next(aliceEvents));
        assertEquals("answered", next(aliceEvents));
        assertEquals("ack", next(bobEvents));
        return call;
    }

    private static <T> T await(java.util.concurrent.CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void holdAndResumeByReInviteAnsweredByTheCallee() throws Exception {
        OutboundCall call = answeredCall();
        ReinviteResult hold = await(call.reinvite(SDP.replace("o=- 1 1", "o=- 1 2") + "a=sendonly\r\n"));
        assertEquals(200, hold.status());
        assertTrue(hold.sdp().contains("a=recvonly"));
        assertEquals("modify INVITE hold", next(bobEvents));
        ReinviteResult resume = await(call.reinvite(SDP.replace("o=- 1 1", "o=- 1 3")));
        assertEquals(200, resume.status());
        assertTrue(!resume.sdp().contains("a=recvonly"));
        assertEquals("modify INVITE", next(bobEvents));
        call.hangUp();
        assertEquals("ended LOCAL_BYE", next(aliceEvents));
        assertEquals("ended REMOTE_BYE", next(bobEvents));
    }

    @Test
    void glareEndsWith491AndBothSucceedAfterTheBackoff() throws Exception {
        OutboundCall call = answeredCall();
        InboundCall callee = inbound.get(5, TimeUnit.SECONDS);
        CompletableFuture<ReinviteResult> ours = call.reinvite(SDP.replace("o=- 1 1", "o=- 1 2")).toCompletableFuture();
        CompletableFuture<ReinviteResult> theirs = callee.reinvite(null).toCompletableFuture(); // a refresh
        assertEquals(200, ours.get(10, TimeUnit.SECONDS).status());
        assertEquals(200, theirs.get(10, TimeUnit.SECONDS).status(), "the default accepts a refresh");
        assertEquals("modify INVITE", next(aliceEvents));
    }

    @Test
    void infoBothWays() throws Exception {
        OutboundCall call = answeredCall();
        assertEquals(200, await(call.sendInfo("application/dtmf-relay", "Signal=1")));
        assertEquals("message INFO Signal=1", next(bobEvents));
        InboundCall callee = inbound.get(5, TimeUnit.SECONDS);
        assertEquals(200, await(callee.sendInfo("application/dtmf-relay", "Signal=2")));
        assertEquals("message INFO Signal=2", next(aliceEvents));
    }

    @Test
    void updateInTheEarlyDialogAndThePrackFlow() throws Exception {
        OutboundCall call = alice.uac.call(alice.uri("alice"), bob.uri("early"), SDP, aliceListener);
        assertEquals("provisional 183", next(aliceEvents)); // reliable: Alice PRACKs it, Bob stops retransmitting
        ReinviteResult update = await(call.update(SDP.replace("o=- 1 1", "o=- 1 2")));
        assertEquals(200, update.status());
        assertEquals("modify UPDATE", next(bobEvents));
        inbound.get(5, TimeUnit.SECONDS).accept(SDP);
        assertEquals("answered", next(aliceEvents));
        assertEquals("ack", next(bobEvents));
        assertTrue(aliceEvents.isEmpty(), "the 183 was delivered once: retransmissions absorbed");
    }
}
