package org.sipee.sip.ua;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipee.sip.UaNode;
import org.sipee.sip.transaction.SipTimers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * An attended transfer between three of our UAs over real UDP on 127.0.0.1 (T1 = 20 ms): Alice calls Bob, Bob
 * calls Carol, then refers Alice to Carol with the Replaces of his call with her (RFC 3515, RFC 3891); Alice's
 * INVITE reaches Carol as the replacement of Bob's call, and Bob hears how it went.
 */
class TransferEndToEndTest {

    private static final SipTimers TIMERS = new SipTimers(20, 80, 50);
    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\n";

    private final BlockingQueue<InboundCall> bobsCalls = new LinkedBlockingQueue<>();
    private final BlockingQueue<InboundCall> carolsCalls = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private UaNode alice;
    private UaNode bob;
    private UaNode carol;

    /** Answers every call; Carol rings first. */
    private static UserAgentListener answering(BlockingQueue<InboundCall> calls, boolean ring) {
        return new UserAgentListener() {
            @Override
            public void onInvite(InboundCall call) {
                calls.add(call);
                if (ring) {
                    call.sendProvisional(180, "Ringing", null);
                }
                call.accept(SDP);
            }

            @Override public void onAck(InboundCall call) { }
            @Override public void onCallEnded(InboundCall call, CallEndReason reason) { }
        };
    }

    /** Reports what an outbound call does as events; {@code onRefer} answers REFERs. */
    private OutboundCallListener reporting(String who, BiConsumer<OutboundCall, IncomingRefer> onRefer) {
        return new OutboundCallListener() {
            @Override public void onProvisional(OutboundCall call, int status, String reason, String sdp) { }
            @Override public void onAnswered(OutboundCall call, String sdp) { events.add(who + " answered"); }
            @Override public void onFailed(OutboundCall call, int status, String reason) {
                events.add(who + " failed " + status);
            }
            @Override public void onEnded(OutboundCall call, CallEndReason reason) { }
            @Override public void onRefer(OutboundCall call, IncomingRefer refer) { onRefer.accept(call, refer); }
        };
    }

    /** Alice, the transferee: accepts the REFER, calls its target and reports the call's progress in NOTIFYs. */
    private void transferee(OutboundCall call, IncomingRefer refer) {
        refer.accept();
        alice.uac.call(alice.uri("alice"), refer.targetUri(), SDP, new OutboundCallListener() {
            @Override public void onProvisional(OutboundCall c, int status, String reason, String sdp) {
                refer.notifyProgress(status, reason);
            }
            @Override public void onAnswered(OutboundCall c, String sdp) { refer.notifyProgress(200, "OK"); }
            @Override public void onFailed(OutboundCall c, int status, String reason) {
                refer.notifyProgress(status, reason);
            }
            @Override public void onEnded(OutboundCall c, CallEndReason reason) { }
        });
    }

    @BeforeEach
    void start() throws IOException {
        alice = new UaNode(TIMERS, answering(new LinkedBlockingQueue<>(), false));
        bob = new UaNode(TIMERS, answering(bobsCalls, false));
        carol = new UaNode(TIMERS, answering(carolsCalls, true));
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        carol.close();
    }

    private <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T item = queue.poll(5, TimeUnit.SECONDS);
        assertNotNull(item, "nothing within 5 s");
        return item;
    }

    @Test
    void attendedTransferReplacesBobsCallWithCarol() throws Exception {
        alice.uac.call(alice.uri("alice"), bob.uri("bob"), SDP, reporting("alice", this::transferee));
        assertEquals("alice answered", next(events));
        InboundCall bobWithAlice = next(bobsCalls);
        OutboundCall bobWithCarol = bob.uac.call(bob.uri("bob"), carol.uri("carol"), SDP,
                reporting("bob", (call, refer) -> refer.reject(603, "Declined")));
        assertEquals("bob answered", next(events));
        InboundCall carolWithBob = next(carolsCalls);

        BlockingQueue<ReferProgress> progress = new LinkedBlockingQueue<>();
        String referTo = ReferTo.withReplaces(bobWithCarol.remoteTarget(), bobWithCarol.replacesValue());
        int status = bobWithAlice.refer(referTo, progress::add).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertEquals(202, status);
        InboundCall carolWithAlice = next(carolsCalls);
        assertEquals(carolWithBob.callId(), carolWithAlice.replacedCallId());
        assertEquals(bobWithCarol.callId(), carolWithAlice.replacedCallId());
        assertEquals(new ReferProgress(100, "Trying", false), next(progress));
        assertEquals(new ReferProgress(180, "Ringing", false), next(progress));
        assertEquals(new ReferProgress(200, "OK", true), next(progress));
    }
}
