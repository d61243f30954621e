package org.sipee.sip.registrar;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipRequest;

/** A registrar over a ConcurrentHashMap on a virtual clock, and REGISTERs parsed from text as a phone sends them. */
final class RegistrarFixture {

    /** Tue, 14 Nov 2023 22:13:20 GMT. */
    static final long START = 1_700_000_000_000L;
    static final InetSocketAddress PHONE = new InetSocketAddress("192.0.2.10", 5062);
    static final String ALICE = "<sip:alice@example.com>";

    private static final AtomicInteger BRANCHES = new AtomicInteger();

    final AtomicLong clock = new AtomicLong(START);
    final ConcurrentHashMap<String, AddressOfRecord> store = new ConcurrentHashMap<>();
    final Registrar registrar;

    RegistrarFixture() {
        this(RegistrarPolicy.defaults());
    }

    RegistrarFixture(RegistrarPolicy policy) {
        registrar = new Registrar(store, policy, clock::get);
    }

    void advanceSeconds(long seconds) {
        clock.addAndGet(seconds * 1000);
    }

    /** A REGISTER for alice from PHONE over UDP. */
    RegistrarResult register(String callId, long cseq, String... headers) {
        return registrar.register(request(ALICE, callId, cseq, headers), PHONE, "udp");
    }

    /** A snapshot of the store, to show that a refused REGISTER changed nothing. */
    Map<String, AddressOfRecord> snapshot() {
        return Map.copyOf(store);
    }

    /** A REGISTER with one Via, the given To, Call-ID and CSeq, and extra header lines such as "Contact: ...". */
    static SipRequest request(String to, String callId, long cseq, String... headers) {
        StringBuilder text = new StringBuilder()
                .append("REGISTER sip:example.com SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-").append(BRANCHES.incrementAndGet())
                .append("\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: ").append(to).append(";tag=f1\r\n")
                .append("To: ").append(to).append("\r\n")
                .append("Call-ID: ").append(callId).append("\r\n")
                .append("CSeq: ").append(cseq).append(" REGISTER\r\n");
        for (String header : headers) {
            text.append(header).append("\r\n");
        }
        text.append("Content-Length: 0\r\n\r\n");
        return (SipRequest) SipParser.parse(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
