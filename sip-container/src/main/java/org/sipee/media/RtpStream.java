package org.sipee.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.sipee.sdp.NegotiatedMedia;

/**
 * One bound RTP socket (its even port, the odd one for RTCP) for one call's audio.
 * Thread-safe and non-blocking: methods hand work to the stream's event loop and return at once.
 * Listeners and callbacks run on that event loop and must not block (hand work to your own threads).
 * close() stops sending and unbinds; the ports return to the engine's range once the sockets are
 * closed, a moment later (MediaEngine.portsInUse counts them until then).
 */
public interface RtpStream extends AutoCloseable {

    /** The local RTP port, to put in SDP. */
    int localPort();

    /** Sets where to send and which payload type to use (0 = PCMU, 8 = PCMA). */
    void connect(InetSocketAddress remote, int payloadType);

    /**
     * Like {@link #connect(InetSocketAddress, int)} for a payload type number the offerer chose, e.g. PCMU as 96
     * (NegotiatedMedia's payloadType and encodingName).
     */
    void connect(InetSocketAddress remote, int payloadType, String encodingName);

    /**
     * Applies the outcome of an SDP negotiation: codec, telephone-event payload type, and the remote address
     * (unless the offer put the stream on hold). A host name in the SDP must be resolved by the caller first.
     */
    default void connect(NegotiatedMedia media) {
        telephoneEventPayloadType(media.telephoneEventPayloadType());
        connect(media.remoteRtp(), media.payloadType(), media.encodingName());
    }

    /** The RFC 4733 telephone-event payload type negotiated in SDP, or -1 when none was (then no DTMF is sent). */
    void telephoneEventPayloadType(int payloadType);

    /** Starts sending a continuous sine tone as G.711 in 20 ms packets; replaces what was playing. */
    void playTone(double frequencyHz);

    /**
     * Streams a WAV file (8 kHz mono, 16-bit PCM, A-law or µ-law) in 20 ms packets; replaces what was
     * playing. Reads the file on the calling thread.
     *
     * @return completes with true when the whole file was sent, false when stopped, replaced or closed; it
     *         completes on the event loop, so use the *Async stages for anything that blocks
     * @throws IOException when the file cannot be read or has another format (the message says which)
     */
    CompletableFuture<Boolean> play(Path wav) throws IOException;

    /** Plays a tone for {@code duration} (a beep, a prompt tone); replaces what was playing; completes as {@link #play(Path)}. */
    CompletableFuture<Boolean> playTone(double frequencyHz, Duration duration);

    /** Sends back what is received (after jitter buffer and concealment), re-encoded; replaces what was playing. */
    void echo();

    /**
     * Starts sending the frames other threads offer to the returned feed (a bridged call's other leg, a conference
     * mix), encoded with this stream's codec; replaces what was playing. See {@link FrameFeed}.
     */
    FrameFeed playFeed();

    /**
     * False stops all sending, for hold (RFC 3264 §8.4): what plays keeps its place in time (a file runs on, a tone
     * is heard again when sending resumes) and DTMF waits; received audio is still played out. True resumes.
     */
    void sending(boolean sending);

    /** True sends silence instead of the audio that plays (RTP keeps flowing; DTMF still goes out); false restores it. */
    void mute(boolean muted);

    /** Stops sending audio (tone, file, echo). Received packets are still counted; queued DTMF still goes out. */
    void stopPlaying();

    /**
     * Sends a DTMF digit as RFC 4733 telephone-events, after any digits queued before. Audio pauses meanwhile.
     *
     * @param digit    0-9, *, #, A-D
     * @param duration at least 20 ms; longer than 8.19 s is sent in segments (RFC 4733 §2.5.1.3)
     * @throws IllegalStateException when no telephone-event payload type was negotiated
     */
    void sendDtmf(char digit, Duration duration);

    /** Adds a listener for received DTMF digits, each reported once when it ends. */
    void onDtmf(Consumer<DtmfEvent> listener);

    /** Removes a listener added by {@link #onDtmf} (the same instance); no effect when it is not there. */
    void removeDtmfListener(Consumer<DtmfEvent> listener);

    /**
     * Adds a listener for received audio: every 20 ms frame of played-out 8 kHz PCM (after jitter buffer and
     * concealment). Frames are shared with the other listeners: read them, do not change them.
     */
    void onAudio(Consumer<short[]> frames);

    /** Removes a listener added by {@link #onAudio} (the same instance); no effect when it is not there. */
    void removeAudioListener(Consumer<short[]> frames);

    /** Records the received audio (as {@link #onAudio}) to a 16-bit PCM WAV until {@link Recording#stop()}. Opens the file on the calling thread. */
    Recording record(Path wav) throws IOException;

    /**
     * Calls {@code callback} (once per silence) when no RTP has arrived for {@code timeout}, counted from the
     * last packet, or from connect() (or this call) before the first. Replaces an earlier timeout; null disables.
     */
    void onMediaTimeout(Duration timeout, Runnable callback);

    /** Where RTP goes now: the SDP address, or where the far end's packets come from (symmetric RTP). */
    InetSocketAddress remoteAddress();

    RtpStreamStats stats();

    /** Loss, jitter, late packets, RTCP-reported values and a MOS estimate. */
    StreamQuality quality();

    @Override
    void close();
}
