package org.sipee.session;

import org.sipee.media.RtpStreamStats;
import org.sipee.sip.ua.CallEndReason;

/**
 * What @Bye and @Cancel handlers receive.
 *
 * @param callId  Call-ID of the call
 * @param from    caller (From header)
 * @param to      callee (To header)
 * @param reason  why it ended
 * @param lastState the session state just before it started terminating
 * @param rtp     final counters of its RTP stream
 */
public record CallEnded(String callId, String from, String to, CallEndReason reason,
                        SessionState lastState, RtpStreamStats rtp) {
}
