package org.sipee.session;

import java.util.concurrent.CompletionStage;

import org.sipee.media.RtpStreamStats;

/**
 * A new call, as an @Invite handler sees it. Methods never block; they may be called from any
 * thread. The handler decides: ring, answer, or reject.
 */
public interface IncomingCall {

    String callId();

    String from();

    String to();

    String requestUri();

    SessionState state();

    MediaState mediaState();

    /** Sends 180 Ringing (again if called again). */
    void ringing();

    /**
     * Answers the SDP offer (G.711), binds an RTP stream pointed at the caller and sends 200 OK (after
     * {@link #earlyMedia()}: with the SDP of the 183, on the stream already open).
     * Completes when the caller's ACK confirms the call; completes exceptionally when the offer
     * cannot be answered (the call is then rejected 488 with a Warning) or the call ends first.
     * Calling it again returns the same stage.
     */
    CompletionStage<IncomingCall> answer();

    /**
     * Early media: answers the SDP offer as {@link #answer()} does, binds the RTP stream pointed at the caller and
     * sends 183 Session Progress with the SDP answer, so what is played before the answer (a tone, an announcement)
     * reaches the caller. The call stays {@link SessionState#Ringing}, media {@link MediaState#Configured}; a later
     * {@link #answer()} sends 200 with the same SDP and keeps the stream. Completes once the 183 is sent; completes
     * exceptionally when the offer cannot be answered (488 sent, as for answer()), after answer(), or once the call
     * ended. Calling it again returns the same stage. The 183 is sent unreliably (no PRACK).
     */
    CompletionStage<IncomingCall> earlyMedia();

    /**
     * Puts the caller on hold (RFC 3264 §8.4): a re-INVITE with our SDP a=sendonly. Once the caller's 200 arrives
     * the call is {@link SessionState#OnHold}, media {@link MediaState#Paused} and our tone stops (it is
     * remembered). Completes exceptionally when the re-INVITE is refused (the session is then unchanged,
     * RFC 3261 §14.1), or the call is not connected. The caller's own re-INVITE (a=sendonly or inactive) puts the
     * call on hold the same way, a=sendrecv resumes it; a re-INVITE with another codec first switches to it.
     */
    CompletionStage<IncomingCall> hold();

    /** Takes the call off hold: a re-INVITE with a=sendrecv; then Connected, media Active, the tone plays again. */
    CompletionStage<IncomingCall> resume();

    /** Rejects with a final response, 300..699. */
    void reject(int status, String reason);

    /** Plays a continuous tone to the caller (once earlyMedia() or answer() has opened the stream; on hold it starts at the resume). */
    void playTone(double frequencyHz);

    void stopPlaying();

    /** Counters of the call's RTP stream (zeros before earlyMedia() or answer()). */
    RtpStreamStats rtpStats();
}
