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
     * Answers the SDP offer (G.711), binds an RTP stream pointed at the caller and sends 200 OK.
     * Completes when the caller's ACK confirms the call; completes exceptionally when the offer
     * cannot be answered (the call is then rejected 488 with a Warning) or the call ends first.
     * Calling it again returns the same stage.
     */
    CompletionStage<IncomingCall> answer();

    /** Rejects with a final response, 300..699. */
    void reject(int status, String reason);

    /** Plays a continuous tone to the caller (after answer()). */
    void playTone(double frequencyHz);

    void stopPlaying();

    /** Counters of the call's RTP stream (zeros before answer). */
    RtpStreamStats rtpStats();
}
