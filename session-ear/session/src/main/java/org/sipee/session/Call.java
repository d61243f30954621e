package org.sipee.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.sipee.media.RtpStreamStats;

/**
 * A call once it has media: what any handler can do with it, answered or in early media. Methods never block and may
 * be called from any thread; the stages complete on the adapter's worker threads (never a Netty event loop). Media
 * operations before earlyMedia() or answer() opened the stream throw {@link IllegalStateException}.
 */
public interface Call {

    String callId();

    /** The request-URI of the INVITE: ours for an incoming call, the callee's for an outgoing one. */
    String requestUri();

    /** From header value, as received (as sent, for an outgoing call). */
    String from();

    /** To header value, as received (as sent, for an outgoing call). */
    String to();

    SessionState state();

    MediaState mediaState();

    /** Plays a continuous tone (replaces what plays); on hold it is kept and heard again at the resume. */
    void playTone(double frequencyHz);

    /** Plays a tone for a while, e.g. the beep before a recording. Completes true when it played out, false when replaced, stopped or the call ended. */
    CompletionStage<Boolean> playTone(double frequencyHz, Duration duration);

    /**
     * Plays a WAV file (8 kHz mono; 16-bit PCM, A-law or µ-law), replacing what plays. Completes true when all of it was
     * sent, false when replaced, stopped or the call ended; exceptionally when the file cannot be read (the message
     * names it and says why).
     */
    CompletionStage<Boolean> play(Path wav);

    /** Sends back what the caller says (after jitter buffer and concealment), replacing what plays. */
    void echo();

    /** Stops the tone, file or echo. Queued DTMF still goes out. */
    void stopPlaying();

    /**
     * Records what the caller sends (8 kHz mono 16-bit PCM WAV) until {@link CallRecording#stop()} or the end of the
     * call, whichever comes first. The file is complete once {@link CallRecording#finished()} completes.
     *
     * @throws java.io.UncheckedIOException when the file cannot be created
     */
    CallRecording record(Path wav);

    /** Sends DTMF digits (0-9, *, #, A-D) as RFC 4733 telephone-events, 100 ms each; fails when none was negotiated. */
    void sendDtmf(String digits);

    /** Adds a listener for the caller's DTMF digits (RFC 4733), each once; it runs on the call's worker, in order with the call's other events. */
    void onDtmf(Consumer<Character> listener);

    /** Sends silence instead of what plays (RTP keeps flowing); {@link #unmute()} restores it. */
    void mute();

    void unmute();

    /**
     * Puts the caller on hold (RFC 3264 §8.4): a re-INVITE with our SDP a=sendonly. Once the caller's 200 arrives
     * the call is {@link SessionState#OnHold}, media {@link MediaState#Paused}: nothing is sent (a file keeps its
     * place in time, a tone is heard again at the resume). Completes exceptionally when the re-INVITE is refused (the
     * session is then unchanged, RFC 3261 §14.1), or the call is not connected. The caller's own re-INVITE
     * (a=sendonly or inactive) puts the call on hold the same way, a=sendrecv resumes it; a re-INVITE with another
     * codec first switches to it.
     */
    CompletionStage<Call> hold();

    /** Takes the call off hold: a re-INVITE with a=sendrecv; then Connected, media Active, sending again. */
    CompletionStage<Call> resume();

    /**
     * Ends the call with BYE; the @Bye handlers then run with LOCAL_BYE. An outgoing call not yet answered is
     * cancelled instead; an incoming one must be rejected ({@link IncomingCall#reject}).
     */
    void hangUp();

    /**
     * Joins this call and {@code other} so each hears the other: audio both ways (transcoded when their codecs differ,
     * e.g. PCMU and PCMA), keys pressed on one sent on to the other as RFC 4733 events. Replaces what either was
     * playing; hold on one call does not disturb the other. The bridge ends with {@link CallBridge#unbridge()}, when
     * either call ends, or when something else is played on either (a tone, a file, echo, a conference). A call is in
     * one bridge at a time: bridging it again ends the previous one.
     *
     * @throws IllegalArgumentException when {@code other} is this call or not a call of this application
     * @throws IllegalStateException    when either call has no media stream
     */
    CallBridge bridge(Call other);

    /** The bridge this call is in, if any. */
    Optional<CallBridge> bridged();

    /**
     * Blind transfer (RFC 3515, RFC 5589 §6): asks the peer, with a REFER, to call {@code target} (a SIP URI) instead.
     * The call is {@link SessionState#Transferring} meanwhile. Completes with the final status the peer reports
     * (its NOTIFYs): 200 when the target answered, and this call is then ended with BYE; a refusal (the REFER's or
     * the target's, e.g. 603 or 486) leaves the call Connected.
     */
    CompletionStage<Integer> transfer(String target);

    /**
     * Attended transfer (RFC 5589 §7): asks this call's peer to call the peer of {@code other} replacing our call with
     * it (Refer-To with Replaces, RFC 3891), so the two peers talk to each other. On success (200) both our calls
     * end; a refusal leaves both as they were.
     */
    CompletionStage<Integer> transfer(Call other);

    /** Whether the peer's RTP has arrived (the adapter's MediaStarted media event; false with media events off). */
    boolean mediaStarted();

    /** The call's latest QualityReport media event (loss, jitter, MOS); empty before the first, or with media events off. */
    Optional<MediaQuality> mediaQuality();

    /** The codec, payload types and addresses the latest offer/answer settled; empty before it, and once the call ended. */
    Optional<NegotiatedAudio> negotiatedMedia();

    /** Counters of the call's RTP stream (zeros before the stream opened; the last values after it closed). */
    RtpStreamStats rtpStats();
}
