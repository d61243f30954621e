package org.sipee.it;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.sipee.media.G711;

/**
 * A minimal caller over loopback UDP for the tests: builds SIP by hand, one call at a time,
 * and counts the RTP it receives. Not thread-safe.
 */
public final class SipPhone implements AutoCloseable {

    private static final int RTP_HEADER = 12;
    private static final int SAMPLES_PER_PACKET = 160;

    private final InetSocketAddress server;
    private final DatagramSocket sip;
    private final DatagramSocket rtp;
    private final List<SipResponse> received = new ArrayList<>();
    private String callId;
    private String fromTag;
    private String inviteBranch;
    private String requestUri;
    private String remoteTarget;
    private String dialogTo;

    public SipPhone(int serverPort) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        this.server = new InetSocketAddress(loopback, serverPort);
        this.sip = new DatagramSocket(new InetSocketAddress(loopback, 0));
        this.rtp = new DatagramSocket(new InetSocketAddress(loopback, 0));
    }

    /** A G.711 offer pointing at this phone's RTP socket. */
    public String pcmuOffer() {
        return sdp("RTP/AVP 0 8 101", "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n");
    }

    /** PCMU under a dynamic payload-type number, as some phones send it (RFC 3264 §6.1: the answer keeps 96). */
    public String dynamicPcmuOffer() {
        return sdp("RTP/AVP 96", "a=rtpmap:96 PCMU/8000\r\n");
    }

    /** An offer nobody here can answer: GSM only. */
    public String gsmOnlyOffer() {
        return sdp("RTP/AVP 3", "a=rtpmap:3 GSM/8000\r\n");
    }

    private String sdp(String formats, String attributes) {
        return "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + rtp.getLocalPort() + " " + formats + "\r\n" + attributes + "a=sendrecv\r\n";
    }

    /** Sends a new INVITE to sip:user@server; returns its Call-ID. */
    public String invite(String user, String sdp) throws IOException {
        callId = UUID.randomUUID() + "@127.0.0.1";
        fromTag = token();
        inviteBranch = branch();
        requestUri = "sip:" + user + "@127.0.0.1:" + server.getPort();
        remoteTarget = requestUri;
        dialogTo = "<" + requestUri + ">";
        received.clear();
        send(request("INVITE", requestUri, inviteBranch, dialogTo, 1, "Content-Type: application/sdp\r\n", sdp));
        return callId;
    }

    /** Waits for a response with this status to a request with this CSeq method. */
    public SipResponse expect(int status, String method, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (SipResponse r : received) {
                if (r.status() == status && r.cseqMethod().equals(method)) {
                    return r;
                }
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("no " + status + " to " + method + " within " + timeout.toMillis() + " ms; got " + received);
            }
            receive((int) left);
        }
    }

    /** Acknowledges the INVITE's final response (2xx: new transaction to the Contact; else same branch). */
    public void ack(SipResponse finalResponse) throws IOException {
        dialogTo = finalResponse.to();
        boolean success = finalResponse.status() < 300;
        if (success && finalResponse.contactUri() != null) {
            remoteTarget = finalResponse.contactUri();
        }
        String target = success ? remoteTarget : requestUri;
        send(request("ACK", target, success ? branch() : inviteBranch, dialogTo, 1, "", ""));
    }

    public void bye() throws IOException {
        send(request("BYE", remoteTarget, branch(), dialogTo, 2, "", ""));
    }

    public void cancel() throws IOException {
        send(request("CANCEL", requestUri, inviteBranch, "<" + requestUri + ">", 1, "", ""));
    }

    public void sendRaw(byte[] datagram) throws IOException {
        sip.send(new DatagramPacket(datagram, datagram.length, server));
    }

    /** Counts RTP packets with this payload type arriving at the phone until count reached or timeout. */
    public int receiveRtp(int wanted, int payloadType, Duration timeout) throws IOException {
        return receiveAudio(wanted, payloadType, timeout).length / SAMPLES_PER_PACKET;
    }

    /**
     * Receives up to {@code packets} RTP packets of this payload type (G.711 µ-law, 20 ms each) and
     * returns their audio decoded to linear samples, in arrival order.
     */
    public short[] receiveAudio(int packets, int payloadType, Duration timeout) throws IOException {
        byte[] buffer = new byte[2048];
        short[] audio = new short[packets * SAMPLES_PER_PACKET];
        int count = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count < packets) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            rtp.setSoTimeout((int) left);
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                rtp.receive(packet);
            } catch (SocketTimeoutException e) {
                break;
            }
            if (packet.getLength() == RTP_HEADER + SAMPLES_PER_PACKET && (buffer[0] & 0xC0) == 0x80
                    && (buffer[1] & 0x7F) == payloadType) {
                for (int i = 0; i < SAMPLES_PER_PACKET; i++) {
                    audio[count * SAMPLES_PER_PACKET + i] = G711.ulawToLinear(buffer[RTP_HEADER + i]);
                }
                count++;
            }
        }
        return Arrays.copyOf(audio, count * SAMPLES_PER_PACKET);
    }

    String request(String method, String uri, String branch, String to, int cseq, String extraHeaders, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:phone@127.0.0.1>;tag=" + fromTag + "\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:phone@127.0.0.1:" + sip.getLocalPort() + ">\r\n"
                + extraHeaders
                + "Content-Length: " + content.length + "\r\n\r\n" + body;
    }

    private void send(String message) throws IOException {
        sendRaw(message.getBytes(StandardCharsets.UTF_8));
    }

    private void receive(int timeoutMillis) throws IOException {
        byte[] buffer = new byte[65535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        sip.setSoTimeout(Math.max(1, timeoutMillis));
        try {
            sip.receive(packet);
        } catch (SocketTimeoutException e) {
            return;
        }
        String text = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
        if (text.startsWith("SIP/2.0 ")) {
            received.add(SipResponse.parse(text));
        }
    }

    public String callId() {
        return callId;
    }

    private static String branch() {
        return "z9hG4bK" + token();
    }

    private static String token() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    @Override
    public void close() {
        sip.close();
        rtp.close();
    }
}
