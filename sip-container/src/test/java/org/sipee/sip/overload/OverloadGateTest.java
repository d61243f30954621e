package org.sipee.sip.overload;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.transaction.Refusal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shedding decision on a virtual clock: backlog with hysteresis, limits, per-source floods, dialogs spared. */
class OverloadGateTest {

    private static final InetSocketAddress PHONE = new InetSocketAddress("192.0.2.10", 5060);
    private static final InetSocketAddress FLOODER = new InetSocketAddress("198.51.100.66", 5060);
    private static final InetSocketAddress TRUNK = new InetSocketAddress("203.0.113.5", 5060);

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AtomicInteger backlog = new AtomicInteger();
    private final AtomicLong lag = new AtomicLong();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger freePairs = new AtomicInteger(100);
    private final LoadProbe probe = new LoadProbe() {
        @Override public int backlog() { return backlog.get(); }
        @Override public long loopLagMillis() { return lag.get(); }
        @Override public int calls() { return calls.get(); }
        @Override public int freeMediaPairs() { return freePairs.get(); }
    };
    private final OverloadPolicy policy = new OverloadPolicy(100, 200, 5, 50, 10, Duration.ofSeconds(2),
            Duration.ofSeconds(30), AddressBlock.parseList("floodExemptSources", "203.0.113.0/24"));
    private final OverloadGate gate = new OverloadGate(policy, probe, now::get, bound -> bound - 1);
    private int requests;

    @Test
    void theBacklogShedsFromItsThresholdUntilItIsDownToHalf() {
        backlog.set(99);
        assertNull(gate.admit(invite(), PHONE));
        backlog.set(100);
        Refusal refusal = gate.admit(invite(), PHONE);
        assertEquals(new Refusal(503, "Service Unavailable", 10), refusal, "Retry-After 5 plus up to 5 more at random");
        assertTrue(gate.shedding());
        backlog.set(51);
        assertNotNull(gate.admit(request("REGISTER", false), PHONE), "out-of-dialog requests of any method are shed");
        backlog.set(50);
        assertNull(gate.admit(invite(), PHONE), "served again at half the threshold");
        backlog.set(99);
        assertNull(gate.admit(invite(), PHONE));
        assertEquals(2L, gate.refusals().get(ShedReason.BACKLOG));
    }

    @Test
    void aLateEventLoopShedsUntilItsLagIsDownToHalf() {
        lag.set(199);
        assertNull(gate.admit(invite(), PHONE));
        lag.set(200);
        assertEquals(503, gate.admit(invite(), PHONE).status());
        lag.set(101);
        assertNotNull(gate.admit(request("OPTIONS", false), PHONE));
        assertNull(gate.admit(request("BYE", true), PHONE), "a dialog's requests pass");
        lag.set(100);
        assertNull(gate.admit(invite(), PHONE));
        assertEquals(2L, gate.refusals().get(ShedReason.LOOP_LAG));
    }

    @Test
    void requestsInsideADialogAreAlwaysServed() {
        backlog.set(10_000);
        lag.set(10_000);
        calls.set(1_000);
        freePairs.set(0);
        for (String method : List.of("BYE", "INVITE", "UPDATE", "INFO", "PRACK", "REFER", "NOTIFY")) {
            assertNull(gate.admit(request(method, true), PHONE), method + " with a To tag");
        }
        for (int i = 0; i < 50; i++) {
            assertNull(gate.admit(request("BYE", true), FLOODER), "a flood of in-dialog requests is not counted");
        }
    }

    @Test
    void aFloodingSourceIsBannedWhileOthersAreServed() {
        for (int i = 1; i < 10; i++) {
            assertNull(gate.admit(invite(), FLOODER), "request " + i);
        }
        Refusal banned = gate.admit(invite(), FLOODER);
        assertEquals(new Refusal(503, "Service Unavailable", 30), banned, "Retry-After: the rest of the ban");
        assertNull(gate.admit(invite(), PHONE), "another source is served");
        now.addAndGet(20_500);
        assertEquals(10, gate.admit(request("REGISTER", false), FLOODER).retryAfterSeconds(), "still banned, 9.5 s left");
        for (int i = 0; i < 100; i++) {
            assertNull(gate.admit(invite(), TRUNK), "an exempt source is never limited");
        }
        now.addAndGet(9_500);
        assertNull(gate.admit(invite(), FLOODER), "the ban is over");
        assertEquals(2L, gate.refusals().get(ShedReason.FLOOD));
    }

    @Test
    void requestsSpreadOverWindowsAreNotAFlood() {
        for (int i = 0; i < 100; i++) {
            assertNull(gate.admit(invite(), PHONE));
            now.addAndGet(250); // 4 per second, 8 per 2 s window
        }
    }

    @Test
    void theCallLimitAndTheLastPortPairRefuseInvitesOnly() {
        calls.set(50);
        assertEquals(503, gate.admit(invite(), PHONE).status());
        assertNull(gate.admit(request("REGISTER", false), PHONE), "a REGISTER needs no call");
        calls.set(49);
        freePairs.set(0);
        assertEquals(503, gate.admit(invite(), PHONE).status());
        assertNull(gate.admit(request("OPTIONS", false), PHONE));
        freePairs.set(1);
        assertNull(gate.admit(invite(), PHONE));
        assertEquals(1L, gate.refusals().get(ShedReason.CALLS));
        assertEquals(1L, gate.refusals().get(ShedReason.MEDIA_PORTS));
    }

    @Test
    void policyValuesAreCheckedNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OverloadPolicy(1, 200, 5, 10, 10,
                Duration.ofSeconds(2), Duration.ofSeconds(3), List.of()));
        assertTrue(e.getMessage().startsWith("overloadBacklog"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new OverloadPolicy(10, 200, 5, 10, 10,
                Duration.ofMillis(500), Duration.ofSeconds(3), List.of()));
        assertTrue(e.getMessage().startsWith("floodWindowSeconds"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AddressBlock.parseList("floodExemptSources", "10.0.0.0/33"));
        assertTrue(e.getMessage().startsWith("floodExemptSources"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AddressBlock.parseList("floodExemptSources", "example.com"));
        assertTrue(e.getMessage().contains("not an IP address"), e.getMessage());
    }

    @Test
    void addressBlocksMatchByPrefix() {
        AddressBlock block = AddressBlock.parseList("x", "10.1.0.0/15").get(0);
        assertFalse(block.contains(PHONE.getAddress()));
        assertTrue(block.contains(new InetSocketAddress("10.0.255.1", 1).getAddress()));
        assertTrue(block.contains(new InetSocketAddress("10.1.2.3", 1).getAddress()));
        assertFalse(block.contains(new InetSocketAddress("10.2.0.0", 1).getAddress()));
        assertTrue(AddressBlock.parseList("x", "::1").get(0).contains(new InetSocketAddress("::1", 1).getAddress()));
        assertFalse(AddressBlock.parseList("x", "::1").get(0).contains(new InetSocketAddress("127.0.0.1", 1).getAddress()));
    }

    private SipRequest invite() {
        return request("INVITE", false);
    }

    private SipRequest request(String method, boolean inDialog) {
        int n = ++requests;
        String text = method + " sip:bob@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bK" + n + "\r\n"
                + "From: <sip:alice@example.com>;tag=a" + n + "\r\nTo: <sip:bob@example.com>" + (inDialog ? ";tag=b1" : "")
                + "\r\nCall-ID: c" + n + "@example.com\r\nCSeq: 1 " + method + "\r\nContent-Length: 0\r\n\r\n";
        return (SipRequest) SipParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}
