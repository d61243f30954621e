package org.sipee.session;

import java.net.InetSocketAddress;

/**
 * The audio a call's latest SDP offer/answer exchange settled (RFC 3264).
 *
 * @param codec                     encoding name, e.g. PCMU or PCMA
 * @param payloadType               its RTP payload type number
 * @param telephoneEventPayloadType the RFC 4733 payload type for DTMF, -1 when none was agreed
 * @param remoteRtp                 where we send RTP; null while the peer holds the call with c=0.0.0.0
 * @param localRtpPort              our RTP port
 * @param localSdp                  our SDP of that exchange (offer or answer)
 */
public record NegotiatedAudio(String codec, int payloadType, int telephoneEventPayloadType,
                              InetSocketAddress remoteRtp, int localRtpPort, String localSdp) {
}
