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

import org.sipee.sip.auth.DigestChallenge;
import org.sipee.sip.auth.DigestClient;
import org.sipee.sip.auth.UacCredentials;

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
    /** Requests from the server (a re-INVITE, its ACK, a BYE), as received text. */
    private final List<String> requests = new ArrayList<>();
    private String callId;
    private String fromTag;
    private String inviteBranch;
    private String requestUri;
    private String remoteTarget;
    private String dialogTo;
    private int cseq;
    /** The CSeq number of our latest INVITE: its ACK carries it (§17.1.1.3). */
    private int inviteCseq = 1;
    /** Our To tag when the server calls us (§8.2.6.2). */
    private final String calleeTag = token();

    public SipPhone(int serverPort) throws IOException {
        this(serverPort, "127.0.0.1");
    }

    /** A phone on another loopback address (e.g. 127.0.0.2), to be another source for the server. */
    public SipPhone(int serverPort, String localAddress) throws IOException {
        this.server = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), serverPort);
        InetAddress local = InetAddress.getByName(localAddress);
        this.sip = new DatagramSocket(new InetSocketAddress(local, 0));
        this.rtp = new DatagramSocket(new InetSocketAddress(local, 0));
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
        return offer(1, formats, attributes, "sendrecv");
    }

    /**
     * An offer of this phone's RTP socket as version {@code version} of its session (RFC 3264 §8: a re-INVITE's
     * offer keeps the o= session id with a higher version), e.g. direction sendonly to put the call on hold.
     */
    public String offer(int version, String formats, String attributes, String direction) {
        return "v=0\r\no=phone 1 " + version + " IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + rtp.getLocalPort() + " " + formats + "\r\n" + attributes + "a=" + direction + "\r\n";
    }

    /** G.711 both ways with telephone-event, PCMU or PCMA first as {@code formats} says (e.g. "8 0 101"). */
    public String g711Offer(int version, String formats, String direction) {
        return offer(version, "RTP/AVP " + formats,
                "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n", direction);
    }

    /** Sends a new INVITE to sip:user@server; returns its Call-ID. */
    public String invite(String user, String sdp) throws IOException {
        return invite(user, sdp, "");
    }

    /** A new INVITE with more header lines (each ending CRLF), e.g. a Replaces (RFC 3891). */
    public String invite(String user, String sdp, String extraHeaders) throws IOException {
        callId = UUID.randomUUID() + "@127.0.0.1";
        fromTag = token();
        inviteBranch = branch();
        requestUri = "sip:" + user + "@127.0.0.1:" + server.getPort();
        remoteTarget = requestUri;
        dialogTo = "<" + requestUri + ">";
        received.clear();
        cseq = 1;
        inviteCseq = 1;
        send(request("INVITE", requestUri, inviteBranch, dialogTo, 1, extraHeaders + "Content-Type: application/sdp\r\n", sdp));
        return callId;
    }

    /**
     * As {@link #invite(String, String)}, as an authenticated user: the server's 407 is ACKed and the INVITE sent
     * again with the next CSeq and a Proxy-Authorization answering its challenge (RFC 3261 §22.3); returns the
     * Call-ID. The 407 must come within 5 s.
     */
    public String inviteAs(String username, String password, String user, String sdp) throws IOException {
        return inviteAs(username, password, user, sdp, "");
    }

    /** As {@link #inviteAs(String, String, String, String)}, with more header lines (each ending CRLF). */
    public String inviteAs(String username, String password, String user, String sdp, String extraHeaders) throws IOException {
        invite(user, sdp, extraHeaders);
        SipResponse challenge = expect(407, 1, "INVITE", Duration.ofSeconds(5));
        ack(challenge);
        dialogTo = "<" + requestUri + ">";
        inviteBranch = branch();
        cseq = ++inviteCseq;
        String credentials = answer(challenge, "Proxy-Authenticate", "INVITE", requestUri, username, password);
        send(request("INVITE", requestUri, inviteBranch, dialogTo, cseq, extraHeaders + "Proxy-Authorization: "
                + credentials + "\r\nContent-Type: application/sdp\r\n", sdp));
        return callId;
    }

    /**
     * REGISTERs {@code username} (To and From sip:username@127.0.0.1) with this phone's address as Contact (plus
     * {@code contactParams}, e.g. ";expires=60") in a Call-ID of its own; the server's 401 is answered with the
     * password and the final response to the second REGISTER returned. A null password only sends the first.
     */
    public SipResponse register(String username, String password, String contactParams) throws IOException {
        callId = UUID.randomUUID() + "@127.0.0.1";
        fromTag = token();
        received.clear();
        String uri = "sip:127.0.0.1:" + server.getPort();
        String aor = "<sip:" + username + "@127.0.0.1>";
        cseq = 1;
        send(register(uri, aor, 1, contactParams, ""));
        SipResponse challenge = expectFinal(1, "REGISTER", Duration.ofSeconds(5));
        if (password == null || challenge.status() != 401) {
            return challenge;
        }
        String credentials = answer(challenge, "WWW-Authenticate", "REGISTER", uri, username, password);
        return registerAgain(username, contactParams, "Authorization: " + credentials + "\r\n");
    }

    /**
     * The next REGISTER of {@code username} in the Call-ID of the last {@link #register}, with these header lines
     * (e.g. a hand-made Authorization), and its final response.
     */
    public SipResponse registerAgain(String username, String contactParams, String extraHeaders) throws IOException {
        cseq++;
        send(register("sip:127.0.0.1:" + server.getPort(), "<sip:" + username + "@127.0.0.1>", cseq, contactParams,
                extraHeaders));
        return expectFinal(cseq, "REGISTER", Duration.ofSeconds(5));
    }

    /** This phone's contact URI as it registers it. */
    public String contactUri(String username) {
        return "sip:" + username + "@127.0.0.1:" + sip.getLocalPort();
    }

    private String register(String uri, String aor, int number, String contactParams, String extraHeaders) {
        return "REGISTER " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";branch=" + branch() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: " + aor + ";tag=" + fromTag + "\r\n"
                + "To: " + aor + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + number + " REGISTER\r\n"
                + "Contact: <" + contactUri(aor.replaceAll("<sip:([^@]+)@.*", "$1")) + ">" + contactParams + "\r\n"
                + extraHeaders
                + "Content-Length: 0\r\n\r\n";
    }

    /** The credentials for one of a 401's or 407's challenges, with the engine's own digest client. */
    private static String answer(SipResponse challenge, String header, String method, String uri, String username,
                                 String password) {
        UacCredentials credentials = new UacCredentials(username, password, null);
        List<DigestChallenge> answerable = DigestClient.answerable(challenge.headers().getOrDefault(
                header.toLowerCase(java.util.Locale.ROOT), List.of()), credentials);
        if (answerable.isEmpty()) {
            throw new AssertionError("no challenge to answer in " + challenge + ": " + challenge.headers());
        }
        return DigestClient.authorization(answerable.get(0), method, uri, credentials, 1, DigestClient.newCnonce());
    }

    /** The final response to our request with this CSeq number and method, whatever its status. */
    public SipResponse expectFinal(int cseqNumber, String method, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (SipResponse r : received) {
                if (r.status() >= 200 && r.cseqNumber() == cseqNumber && r.cseqMethod().equals(method)) {
                    return r;
                }
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("no final response to " + method + " " + cseqNumber + " within "
                        + timeout.toMillis() + " ms; got " + received);
            }
            receive((int) left);
        }
    }

    /** A request outside any dialog (OPTIONS, REGISTER) to {@code sip:user@} the server, in a call-id of its own. */
    public String outOfDialog(String method, String user) throws IOException {
        callId = UUID.randomUUID() + "@127.0.0.1";
        fromTag = token();
        String uri = "sip:" + user + "@127.0.0.1:" + server.getPort();
        received.clear();
        send(request(method, uri, branch(), "<" + uri + ">", 1, "", ""));
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

    /** Waits for a response with this status to the request with this CSeq number and method. */
    public SipResponse expect(int status, int cseqNumber, String method, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (SipResponse r : received) {
                if (r.status() == status && r.cseqMethod().equals(method) && r.cseqNumber() == cseqNumber) {
                    return r;
                }
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("no " + status + " to " + cseqNumber + " " + method + " within "
                        + timeout.toMillis() + " ms; got " + received);
            }
            receive((int) left);
        }
    }

    /** Waits for a request of the server with this method (and taken off the list); returns its text. */
    public String expectRequest(String method, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String r : requests) {
                if (r.startsWith(method + " ")) {
                    requests.remove(r);
                    return r;
                }
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError("no " + method + " request within " + timeout.toMillis() + " ms; got " + requests);
            }
            receive((int) left);
        }
    }

    /** Answers a request of the server (§8.2.6: Via, From, To, Call-ID, CSeq copied), with an SDP body or none. */
    public void respond(String request, int status, String reason, String sdp) throws IOException {
        respond(request, status, reason, sdp, "");
    }

    /** As {@link #respond(String, int, String, String)}, with more header lines (each ending CRLF). */
    public void respond(String request, int status, String reason, String sdp, String extraHeaders) throws IOException {
        StringBuilder response = new StringBuilder("SIP/2.0 " + status + " " + reason + "\r\n");
        for (String line : request.substring(0, request.indexOf("\r\n\r\n")).split("\r\n")) {
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).trim().toLowerCase(java.util.Locale.ROOT) : "";
            if (List.of("to", "t").contains(name) && !line.contains(";tag=") && status > 100) {
                response.append(line).append(";tag=").append(calleeTag).append("\r\n"); // §8.2.6.2
            } else if (List.of("via", "v", "from", "f", "to", "t", "call-id", "i", "cseq").contains(name)) {
                response.append(line).append("\r\n");
            }
        }
        byte[] body = sdp == null ? new byte[0] : sdp.getBytes(StandardCharsets.UTF_8);
        response.append("Contact: <sip:phone@127.0.0.1:").append(sip.getLocalPort()).append(">\r\n").append(extraHeaders);
        if (sdp != null) {
            response.append("Content-Type: application/sdp\r\n");
        }
        response.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        send(response + (sdp == null ? "" : sdp));
    }

    /** A re-INVITE in the confirmed dialog (RFC 3261 §14.1) with this offer; returns its CSeq number. */
    public int reinvite(String sdp) throws IOException {
        cseq++;
        send(request("INVITE", remoteTarget, branch(), dialogTo, cseq, "Content-Type: application/sdp\r\n", sdp));
        return cseq;
    }

    /** An UPDATE (RFC 3311) in the dialog with this offer; returns its CSeq number. */
    public int update(String sdp) throws IOException {
        cseq++;
        send(request("UPDATE", remoteTarget, branch(), dialogTo, cseq, "Content-Type: application/sdp\r\n", sdp));
        return cseq;
    }

    /** The ACK for a 2xx to our re-INVITE with this CSeq number (§13.2.2.4: a new transaction). */
    public void ackReinvite(int cseqNumber) throws IOException {
        send(request("ACK", remoteTarget, branch(), dialogTo, cseqNumber, "", ""));
    }

    /** Acknowledges the INVITE's final response (2xx: new transaction to the Contact; else same branch). */
    public void ack(SipResponse finalResponse) throws IOException {
        dialogTo = finalResponse.to();
        boolean success = finalResponse.status() < 300;
        if (success && finalResponse.contactUri() != null) {
            remoteTarget = finalResponse.contactUri();
        }
        String target = success ? remoteTarget : requestUri;
        send(request("ACK", target, success ? branch() : inviteBranch, dialogTo, inviteCseq, "", ""));
    }

    /**
     * A request in the confirmed dialog of our call (e.g. REFER with a Refer-To line in {@code extraHeaders}, each line
     * ending CRLF, and a body or ""); returns its CSeq number.
     */
    public int inDialog(String method, String extraHeaders, String body) throws IOException {
        cseq++;
        send(request(method, remoteTarget, branch(), dialogTo, cseq, extraHeaders, body));
        return cseq;
    }

    /** Our tag and the server's in the dialog of our call, for a Replaces naming it: {@code callid;to-tag=...;from-tag=...}. */
    public String replacesValue() {
        return callId + ";to-tag=" + dialogTo.replaceAll(".*;tag=([^;>\\s]+).*", "$1") + ";from-tag=" + fromTag;
    }

    public void bye() throws IOException {
        cseq++;
        send(request("BYE", remoteTarget, branch(), dialogTo, cseq, "", ""));
    }

    /**
     * As the callee of the server's {@code invite} (answered with {@link #respond}): BYE in that dialog (§15.1.1),
     * From our tagged To, To the server's From, to its Contact.
     */
    public void byeAsCallee(String invite) throws IOException {
        String contact = headerOf(invite, "Contact").replaceAll(".*<([^>]+)>.*", "$1");
        send("BYE " + contact + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";branch=" + branch() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: " + headerOf(invite, "To") + ";tag=" + calleeTag + "\r\n"
                + "To: " + headerOf(invite, "From") + "\r\n"
                + "Call-ID: " + headerOf(invite, "Call-ID") + "\r\n"
                + "CSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n");
    }

    /** The first value of a header in a request's text (full names only, as the server sends them). */
    static String headerOf(String request, String name) {
        for (String line : request.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        throw new AssertionError("no " + name + " in " + request);
    }

    /** Our From tag in the current call. */
    public String fromTag() {
        return fromTag;
    }

    /** The port of the phone's SIP socket: where the server reaches it as a callee. */
    public int sipPort() {
        return sip.getLocalPort();
    }

    public void cancel() throws IOException {
        send(request("CANCEL", requestUri, inviteBranch, "<" + requestUri + ">", inviteCseq, "", ""));
    }

    /** Sends one RTP datagram from the phone's RTP socket (the address its offers name). */
    public void sendRtp(byte[] datagram, InetSocketAddress to) throws IOException {
        rtp.send(new DatagramPacket(datagram, datagram.length, to));
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
        return receiveAudio(packets, payloadType, false, timeout);
    }

    /** As {@link #receiveAudio(int, int, Duration)}, decoding A-law (PCMA) when {@code alaw}. */
    public short[] receiveAudio(int packets, int payloadType, boolean alaw, Duration timeout) throws IOException {
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
                    byte sample = buffer[RTP_HEADER + i];
                    audio[count * SAMPLES_PER_PACKET + i] = alaw ? G711.alawToLinear(sample) : G711.ulawToLinear(sample);
                }
                count++;
            }
        }
        return Arrays.copyOf(audio, count * SAMPLES_PER_PACKET);
    }

    /** Reads and discards every RTP packet arriving within {@code window} (what was sent before a change). */
    public void drainRtp(Duration window) throws IOException {
        byte[] buffer = new byte[2048];
        long deadline = System.nanoTime() + window.toNanos();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return;
            }
            rtp.setSoTimeout((int) left);
            try {
                rtp.receive(new DatagramPacket(buffer, buffer.length));
            } catch (SocketTimeoutException e) {
                return;
            }
        }
    }

    /** How many RTP packets (any payload type) arrive within {@code window}. */
    public int countRtp(Duration window) throws IOException {
        byte[] buffer = new byte[2048];
        int count = 0;
        long deadline = System.nanoTime() + window.toNanos();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return count;
            }
            rtp.setSoTimeout((int) left);
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                rtp.receive(packet);
            } catch (SocketTimeoutException e) {
                return count;
            }
            if (packet.getLength() >= RTP_HEADER && (buffer[0] & 0xC0) == 0x80) {
                count++;
            }
        }
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
        } else {
            requests.add(text);
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
