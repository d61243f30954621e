package org.sipee.sdp;

import java.net.InetSocketAddress;

/**
 * Outcome of answering an offer.
 *
 * @param answerSdp                 the SDP answer to send
 * @param remoteRtp                 where the offerer wants RTP (null when the offer put the stream on hold with c=0.0.0.0)
 * @param payloadType               the chosen payload type number, as the offerer numbered it
 * @param encodingName              e.g. PCMU or PCMA
 * @param telephoneEventPayloadType the RFC 4733 telephone-event payload type both sides use, -1 when not negotiated
 */
public record NegotiatedMedia(String answerSdp, InetSocketAddress remoteRtp, int payloadType, String encodingName,
                              int telephoneEventPayloadType) {

    /** Without telephone-event. */
    public NegotiatedMedia(String answerSdp, InetSocketAddress remoteRtp, int payloadType, String encodingName) {
        this(answerSdp, remoteRtp, payloadType, encodingName, -1);
    }

    /** The same outcome sending to {@code remote}, e.g. the offer's host name once looked up. */
    public NegotiatedMedia withRemoteRtp(InetSocketAddress remote) {
        return new NegotiatedMedia(answerSdp, remote, payloadType, encodingName, telephoneEventPayloadType);
    }

    public boolean hasTelephoneEvent() {
        return telephoneEventPayloadType >= 0;
    }
}
