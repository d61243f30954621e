package org.sipee.sip;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipee.sip.auth.AuthOutcome;
import org.sipee.sip.auth.AuthPolicy;
import org.sipee.sip.auth.DigestAuthenticator;
import org.sipee.sip.auth.Digests;
import org.sipee.sip.auth.UacCredentials;
import org.sipee.sip.message.SipHeader;
import org.sipee.sip.transaction.SipTimers;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.InboundCall;
import org.sipee.sip.ua.OutOfDialogRequest;
import org.sipee.sip.ua.OutboundCall;
import org.sipee.sip.ua.OutboundCallListener;
import org.sipee.sip.ua.OutboundRegistration;
import org.sipee.sip.ua.RegistrationListener;
import org.sipee.sip.ua.UserAgentListener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alice's UAC against a PBX UA that authenticates with our {@link DigestAuthenticator} (on a worker thread, as it
 * must), over real UDP on 127.0.0.1 with T1 = 20 ms and the stacks' own timer schedulers.
 */
class AuthEndToEndTest {

    private static final SipTimers TIMERS = new SipTimers(20, 80, 50);
    private static final UacCredentials ALICE = new UacCredentials("alice", "secret", "pbx");

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final DigestAuthenticator auth = new DigestAuthenticator("pbx",
            (user, realm, algorithm) -> user.equals("alice") ? Digests.ha1(algorithm, user, realm, "secret") : null,
            AuthPolicy.defaults(), System::currentTimeMillis);
    /** What the PBX saw: "REGISTER cseq expires -> status" and "INVITE cseq -> status". */
    private final BlockingQueue<String> pbx = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> alice = new LinkedBlockingQueue<>();
    private UaNode pbxNode;
    private UaNode aliceNode;

    private final UserAgentListener pbxListener = new UserAgentListener() {
        @Override
        public void onInvite(InboundCall call) {
            worker.execute(() -> {
                AuthOutcome outcome = auth.authenticate(call.invite(), call.remoteAddress());
                pbx.add("INVITE " + call.invite().cseq().number() + " -> " + status(outcome));
                if (outcome instanceof AuthOutcome.Challenge c) {
                    call.reject(c.status(), "Proxy Authentication Required", lines(c));
                } else {
                    call.accept(null);
                }
            });
        }

        @Override
        public void onRequest(OutOfDialogRequest request) {
            worker.execute(() -> {
                AuthOutcome outcome = auth.authenticate(request.request(), request.source());
                pbx.add("REGISTER " + request.request().cseq().number() + " " + request.request().header("Expires")
                        + " -> " + status(outcome));
                if (outcome instanceof AuthOutcome.Challenge c) {
                    request.respond(c.status(), "Unauthorized", lines(c));
                } else {
                    String contact = request.request().header("Contact");
                    request.respond(200, "OK", List.of(SipHeader.of("Contact", contact + ";expires="
                            + request.request().header("Expires"))));
                }
            });
        }

        @Override public void onAck(InboundCall call) { }
        @Override public void onCallEnded(InboundCall call, CallEndReason reason) { }
    };

    @BeforeEach
    void start() throws IOException {
        pbxNode = new UaNode(TIMERS, pbxListener);
        aliceNode = new UaNode(TIMERS, new UserAgentListener() {
            @Override public void onInvite(InboundCall call) { call.reject(603, "Decline"); }
            @Override public void onAck(InboundCall call) { }
            @Override public void onCallEnded(InboundCall call, CallEndReason reason) { }
        });
    }

    @AfterEach
    void stop() {
        aliceNode.close();
        pbxNode.close();
        worker.shutdownNow();
    }

    @Test
    void registerChallengedThenRefreshedBeforeExpiryThenClosed() throws InterruptedException {
        OutboundRegistration registration = aliceNode.uac.register(OutboundRegistration.Settings.of(
                "sip:127.0.0.1:" + pbxNode.address().getPort(), "sip:alice@pbx", ALICE).withExpires(2), listener());
        assertEquals("REGISTER 1 2 -> 401", next(pbx));
        assertEquals("REGISTER 2 2 -> authenticated", next(pbx));
        assertEquals("registered 2", next(alice));
        long registeredAt = System.nanoTime();
        assertEquals("REGISTER 3 2 -> 401", next(pbx), "the refresh, challenged again");
        long refreshAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - registeredAt);
        assertTrue(refreshAfter < 2000, "refreshed before the 2 s binding ran out: " + refreshAfter + " ms");
        assertEquals("REGISTER 4 2 -> authenticated", next(pbx));
        assertEquals("registered 2", next(alice));
        registration.close();
        assertEquals("REGISTER 5 0 -> 401", next(pbx));
        assertEquals("REGISTER 6 0 -> authenticated", next(pbx));
        assertEquals("ended", next(alice));
    }

    @Test
    void inviteChallengedWith407IsAnsweredOnce() throws InterruptedException {
        String bob = pbxNode.uri("bob");
        aliceNode.uac.call(aliceNode.uac.newCallId(), aliceNode.uri("alice"), bob, null, null, ALICE, callListener());
        assertEquals("INVITE 1 -> 407", next(pbx));
        assertEquals("INVITE 2 -> authenticated", next(pbx));
        assertEquals("answered", next(alice));
    }

    @Test
    void aWrongPasswordFailsTheCallWith407() throws InterruptedException {
        aliceNode.uac.call(aliceNode.uac.newCallId(), aliceNode.uri("alice"), pbxNode.uri("bob"), null, null,
                new UacCredentials("alice", "wrong", null), callListener());
        assertEquals("INVITE 1 -> 407", next(pbx));
        assertEquals("INVITE 2 -> 407", next(pbx));
        assertEquals("failed 407", next(alice));
    }

    private static List<SipHeader> lines(AuthOutcome.Challenge c) {
        return c.challenges().stream().map(value -> SipHeader.of(c.headerName(), value)).toList();
    }

    private static String status(AuthOutcome outcome) {
        if (outcome instanceof AuthOutcome.Challenge c) {
            return Integer.toString(c.status());
        }
        return outcome instanceof AuthOutcome.Refused r ? Integer.toString(r.status()) : "authenticated";
    }

    private RegistrationListener listener() {
        return new RegistrationListener() {
            @Override public void onRegistered(int grantedSeconds, List<String> bindings) { alice.add("registered " + grantedSeconds); }
            @Override public void onFailed(int status, String reason) { alice.add("failed " + status); }
            @Override public void onEnded() { alice.add("ended"); }
        };
    }

    private OutboundCallListener callListener() {
        return new OutboundCallListener() {
            @Override public void onProvisional(OutboundCall call, int status, String reason, String sdp) { }
            @Override public void onAnswered(OutboundCall call, String sdp) { alice.add("answered"); }
            @Override public void onFailed(OutboundCall call, int status, String reason) { alice.add("failed " + status); }
            @Override public void onEnded(OutboundCall call, CallEndReason reason) { alice.add("ended " + reason); }
        };
    }

    private static String next(BlockingQueue<String> queue) throws InterruptedException {
        return queue.poll(3, TimeUnit.SECONDS);
    }
}
