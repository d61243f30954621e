package org.sipee.bench;

import java.util.concurrent.CompletableFuture;

import org.sipee.media.RtpStream;
import org.sipee.media.StreamQuality;
import org.sipee.sdp.SdpNegotiationException;
import org.sipee.sdp.SdpOfferer;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.OutboundCall;
import org.sipee.sip.ua.OutboundCallListener;
import org.sipee.sip.ua.UserAgent;

/**
 * One call of the media load: its own RTP stream, offered by the engine's offerer (PCMU first, so a G.711
 * answerer picks it), connected as the answer says and playing a tone from the answer on. The stack reports on its event loop; everything done there only
 * hands work to the stream's loop, so nothing blocks.
 */
final class BenchCall implements OutboundCallListener {

    static final double TONE_HZ = 1000;

    private final RtpStream stream;
    private final String offer;
    /** True once answered and media started, false when the call failed (never answered, or an unusable answer). */
    private final CompletableFuture<Boolean> established = new CompletableFuture<>();
    private final CompletableFuture<CallEndReason> ended = new CompletableFuture<>();
    private volatile OutboundCall call;
    private StreamQuality windowStart;
    private StreamQuality windowEnd;

    private final SdpOfferer offerer;

    private BenchCall(RtpStream stream, SdpOfferer offerer) {
        this.stream = stream;
        this.offerer = offerer;
        this.offer = stream == null ? null : offerer.offer(stream.localPort());
    }

    /** Offers {@code stream} to {@code target}; the call owns the stream from now on. */
    static BenchCall place(UserAgent ua, String from, String target, SdpOfferer offerer, RtpStream stream) {
        BenchCall c = new BenchCall(stream, offerer);
        c.call = ua.call(from, target, c.offer, c);
        return c;
    }

    /** A call that could not even be placed (e.g. no local RTP port left). */
    static BenchCall failed() {
        BenchCall c = new BenchCall(null, null);
        c.established.complete(false);
        c.ended.complete(null);
        return c;
    }

    @Override
    public void onProvisional(OutboundCall c, int status, String reason, String sdp) {
        // ringing: nothing to do until the answer
    }

    @Override
    public void onAnswered(OutboundCall c, String sdp) {
        try {
            stream.connect(offerer.accept(offer, sdp));
        } catch (SdpNegotiationException e) {
            System.err.println(c.callId() + ": unusable answer, hanging up: " + e.getMessage());
            established.complete(false);
            c.hangUp();
            return;
        }
        stream.playTone(TONE_HZ);
        established.complete(true);
    }

    @Override
    public void onFailed(OutboundCall c, int status, String reason) {
        System.err.println(c.callId() + ": failed " + status + " " + reason);
        established.complete(false);
        ended.complete(null);
        stream.close();
    }

    @Override
    public void onEnded(OutboundCall c, CallEndReason reason) {
        established.complete(false); // no-op when it was answered
        ended.complete(reason);
    }

    CompletableFuture<Boolean> established() {
        return established;
    }

    /** Completes with why an answered call ended, or null for one that failed. */
    CompletableFuture<CallEndReason> ended() {
        return ended;
    }

    boolean isUp() {
        return established.getNow(false) && !ended.isDone();
    }

    void markWindowStart() {
        windowStart = stream.quality();
    }

    void markWindowEnd() {
        windowEnd = stream.quality();
    }

    StreamQuality windowStart() {
        return windowStart;
    }

    StreamQuality windowEnd() {
        return windowEnd;
    }

    /** What the stream knows now, including the far end's last RTCP report about our packets. */
    StreamQuality quality() {
        return stream.quality();
    }

    void hangUp() {
        call.hangUp();
    }

    /** Closes the stream (once the far end's final RTCP report has had its chance to arrive). */
    void closeStream() {
        if (stream != null) {
            stream.close();
        }
    }
}
