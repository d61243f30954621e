package org.sipee.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipMessage;
import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.message.SipSerializer;
import org.sipee.sip.transaction.TransactionKey;

/**
 * Parse and serialize throughput of a typical INVITE with SDP and a typical 200 OK, and the UAS side
 * of one call's messages ({@link #uasCall}).
 * Messages per second per thread; add {@code -prof gc} for bytes allocated per message
 * ({@code gc.alloc.rate.norm}). Run with (from the repository root):
 * <pre>
 * mvn -q -pl sip-container test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath org.openjdk.jmh.Main ParseBenchmark -f 1 -wi 3 -i 5 -prof gc"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseBenchmark {

    static final String SDP = String.join("\r\n",
            "v=0",
            "o=alice 2890844526 2890844526 IN IP4 192.0.2.10",
            "s=-",
            "c=IN IP4 192.0.2.10",
            "t=0 0",
            "m=audio 49170 RTP/AVP 0 8 101",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-16",
            "a=ptime:20",
            "a=sendrecv",
            "");

    static final String INVITE = String.join("\r\n",
            "INVITE sip:bob@192.0.2.20:5060 SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-524287-1---77ba7e1d6b5e7f3a;rport",
            "Max-Forwards: 70",
            "Contact: <sip:alice@192.0.2.10:5060;transport=udp>",
            "To: <sip:bob@example.com>",
            "From: \"Alice\" <sip:alice@example.com>;tag=9fxced76sl",
            "Call-ID: 3848276298220188511@192.0.2.10",
            "CSeq: 1 INVITE",
            "Allow: INVITE, ACK, CANCEL, OPTIONS, BYE, REFER, NOTIFY, MESSAGE, SUBSCRIBE, INFO, UPDATE",
            "Supported: replaces, timer",
            "User-Agent: ExamplePhone/5.1.2",
            "Content-Type: application/sdp",
            "Content-Length: " + SDP.length(),
            "",
            SDP);

    static final String OK = String.join("\r\n",
            "SIP/2.0 200 OK",
            "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-524287-1---77ba7e1d6b5e7f3a;rport=5060;received=192.0.2.10",
            "Record-Route: <sip:proxy.example.com;lr>",
            "Contact: <sip:bob@192.0.2.20:5060>",
            "To: <sip:bob@example.com>;tag=8321234356",
            "From: \"Alice\" <sip:alice@example.com>;tag=9fxced76sl",
            "Call-ID: 3848276298220188511@192.0.2.10",
            "CSeq: 1 INVITE",
            "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS",
            "Content-Length: 0",
            "",
            "");

    static final String BYE = String.join("\r\n",
            "BYE sip:bob@192.0.2.20:5060 SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-524287-1---5e7f3a77ba7e1d6b;rport",
            "Max-Forwards: 70",
            "To: <sip:bob@example.com>;tag=8321234356",
            "From: \"Alice\" <sip:alice@example.com>;tag=9fxced76sl",
            "Call-ID: 3848276298220188511@192.0.2.10",
            "CSeq: 2 BYE",
            "Content-Length: 0",
            "",
            "");

    private byte[] inviteBytes;
    private byte[] byeBytes;
    private byte[] okBytes;
    private SipMessage invite;
    private SipMessage ok;

    @Setup
    public void setUp() {
        inviteBytes = INVITE.getBytes(StandardCharsets.UTF_8);
        okBytes = OK.getBytes(StandardCharsets.UTF_8);
        byeBytes = BYE.getBytes(StandardCharsets.UTF_8);
        invite = SipParser.parse(inviteBytes);
        ok = SipParser.parse(okBytes);
    }

    @Benchmark
    public SipMessage parseInvite() {
        return SipParser.parse(inviteBytes);
    }

    @Benchmark
    public SipMessage parseOk() {
        return SipParser.parse(okBytes);
    }

    @Benchmark
    public byte[] serializeInvite() {
        return SipSerializer.encode(invite);
    }

    @Benchmark
    public byte[] serializeOk() {
        return SipSerializer.encode(ok);
    }

    /**
     * What the engine does with one call's INVITE and BYE as UAS: parse, stamp received on the top Via,
     * key the transaction, answer 100/180/200 (and 200 to the BYE), look at each answer's top Via to route it,
     * serialize. Returns the total of the bytes written.
     */
    @Benchmark
    public int uasCall() {
        SipRequest request = (SipRequest) SipParser.parse(inviteBytes);
        stamp(request);
        TransactionKey.of(request);
        int bytes = send(Responses.create(request, 100, "Trying", null));
        SipResponse ringing = Responses.create(request, 180, "Ringing", "8321234356");
        ringing.addHeader(HeaderNames.CONTACT, "<sip:bob@192.0.2.20:5060>");
        bytes += send(ringing);
        SipResponse ok = Responses.create(request, 200, "OK", "8321234356");
        ok.addHeader(HeaderNames.CONTACT, "<sip:bob@192.0.2.20:5060>");
        ok.addHeader(HeaderNames.CONTENT_TYPE, "application/sdp");
        ok.setBody(invite.body());
        bytes += send(ok);
        SipRequest bye = (SipRequest) SipParser.parse(byeBytes);
        stamp(bye);
        TransactionKey.of(bye);
        return bytes + send(Responses.create(bye, 200, "OK", null));
    }

    /** As ViaStamping does for an empty rport (RFC 3581 §4). */
    private static void stamp(SipRequest request) {
        request.setTopVia(request.topVia().withParam("received", "192.0.2.99").withParam("rport", "5060"));
    }

    private static int send(SipResponse response) {
        response.topVia();
        return SipSerializer.encode(response).length;
    }
}
