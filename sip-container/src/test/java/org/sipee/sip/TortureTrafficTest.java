package org.sipee.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.InboundCall;
import org.sipee.sip.ua.UserAgentListener;

/**
 * Every RFC 4475 and RFC 5118 message, byte-exact, sent to a running stack over UDP: after each
 * one the stack still answers OPTIONS, and once the timers have run nothing of them is left.
 * INVITEs are rejected (486) so that no dialog exists: nothing is ever sent to the messages'
 * own (non-loopback) Contact addresses; responses go to the source address (§18.2.2 received).
 */
class TortureTrafficTest {

    private static final Duration ANSWER_WAIT = Duration.ofSeconds(5);

    private SipStack stack;
    private DatagramSocket phone;

    @BeforeEach
    void start() throws IOException {
        UserAgentListener rejectAll = new UserAgentListener() {
            @Override
            public void onInvite(InboundCall call) {
                call.reject(486, "Busy Here");
            }

            @Override
            public void onAck(InboundCall call) {
            }

            @Override
            public void onCallEnded(InboundCall call, CallEndReason reason) {
            }
        };
        stack = SipStack.start(SipStackConfig.defaults("127.0.0.1", 0).withT1(Duration.ofMillis(20)), null, rejectAll);
        phone = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() {
        phone.close();
        stack.close();
    }

    @Test
    void stackStaysUpThroughEveryTortureMessage() throws Exception {
        List<String> messages = new ArrayList<>();
        messages.addAll(resources("rfc4475", RFC4475));
        messages.addAll(resources("rfc5118", RFC5118));
        assertEquals(61, messages.size(), "49 RFC 4475 and 12 RFC 5118 messages");
        int sequence = 0;
        for (String name : messages) {
            byte[] torture = read(name);
            phone.send(new DatagramPacket(torture, torture.length, stack.localAddress()));
            String callId = "alive-" + (++sequence) + "@test";
            byte[] options = options(callId).getBytes(StandardCharsets.US_ASCII);
            phone.send(new DatagramPacket(options, options.length, stack.localAddress()));
            awaitOk(callId, name);
        }
        assertTrue(stack.stats().malformedMessages() > 0, "the invalid messages were counted: " + stack.stats());
        awaitIdle();
    }

    private String options(String callId) {
        return "OPTIONS sip:probe@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.getLocalPort() + ";branch=z9hG4bK-" + callId.hashCode() + ";rport\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:test@127.0.0.1>;tag=t1\r\nTo: <sip:probe@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
    }

    /** Reads datagrams until the 200 for our probe arrives; anything else (answers to the torture message) is skipped. */
    private void awaitOk(String callId, String after) throws IOException {
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        byte[] buffer = new byte[65535];
        while (System.nanoTime() < deadline) {
            phone.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                phone.receive(packet);
            } catch (SocketTimeoutException e) {
                break;
            }
            try {
                if (SipParser.parse(buffer, 0, packet.getLength()) instanceof SipResponse response
                        && callId.equals(response.callId()) && response.status() == 200) {
                    return;
                }
            } catch (SipParseException ignored) {
                // not ours
            }
        }
        fail("no 200 for OPTIONS after " + after + ": the stack stopped answering");
    }

    private void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            SipStackStats stats = stack.stats();
            if (stats.serverTransactions() == 0 && stats.dialogs() == 0 && stats.calls() == 0) {
                return;
            }
            Thread.sleep(20); // test-side polling only
        }
        fail("left behind after the torture messages: " + stack.stats());
    }

    private static List<String> resources(String folder, String[] names) {
        return Stream.of(names).map(n -> folder + "/" + n + ".dat").toList();
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = TortureTrafficTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return in.readAllBytes();
        }
    }

    private static final String[] RFC4475 = {
        "badaspec", "badbranch", "baddate", "baddn", "badinv01", "badvers", "bcast", "bext01", "bigcode",
        "clerr", "cparam01", "cparam02", "dblreq", "esc01", "esc02", "escnull", "escruri", "insuf", "intmeth",
        "inv2543", "invut", "longreq", "ltgtruri", "lwsdisp", "lwsruri", "lwsstart", "mcl01", "mismatch01",
        "mismatch02", "mpart01", "multi01", "ncl", "noreason", "novelsc", "quotbal", "regaut01", "regbadct",
        "regescrt", "scalar02", "scalarlg", "sdp01", "semiuri", "transports", "trws", "unkscm", "unksm2",
        "unreason", "wsinv", "zeromf"};

    private static final String[] RFC5118 = {
        "ipv4-mapped-ipv6", "ipv6-bad", "ipv6-bug-abnf-3-colons", "ipv6-correct-abnf-2-colons", "ipv6-good",
        "ipv6-in-sdp", "mult-ip-in-header", "mult-ip-in-sdp", "port-ambiguous", "port-unambiguous",
        "via-received-param-no-delim", "via-received-param-with-delim"};
}
