package org.sipee.sdp;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Our side as the offerer (RFC 3264 §5), for a late offer: an INVITE without SDP gets our offer in the 200 and the
 * answer comes in the ACK (RFC 3261 §13.2.1). We offer one audio stream, PCMU, PCMA and telephone-event, sendrecv.
 * Stateless and thread-safe.
 */
public final class SdpOfferer {

    static final int TELEPHONE_EVENT = 101;

    private final String advertisedAddress;

    public SdpOfferer(String advertisedAddress) {
        if (advertisedAddress == null || advertisedAddress.isBlank()) {
            throw new IllegalArgumentException("advertisedAddress must not be empty");
        }
        this.advertisedAddress = advertisedAddress;
    }

    /** Our offer for an RTP stream on {@code localRtpPort}, with a fresh o= session id. */
    public String offer(int localRtpPort) {
        if (localRtpPort < 1 || localRtpPort > 65535) {
            throw new IllegalArgumentException("localRtpPort must be 1..65535, was " + localRtpPort);
        }
        MediaDescription audio = new MediaDescription("audio", localRtpPort, 0, "RTP/AVP", List.of("0", "8", Integer.toString(TELEPHONE_EVENT)),
                null, List.of(), List.of(
                        Attribute.of("rtpmap", "0 PCMU/8000"),
                        Attribute.of("rtpmap", "8 PCMA/8000"),
                        Attribute.of("rtpmap", TELEPHONE_EVENT + " telephone-event/8000"),
                        Attribute.of("fmtp", TELEPHONE_EVENT + " 0-16"),
                        Attribute.of("ptime", "20"),
                        Attribute.property(Direction.SENDRECV.attributeName())));
        return new SessionDescription(SdpAnswerer.freshOrigin(advertisedAddress), "-", Connection.of(advertisedAddress),
                List.of("0 0"), List.of(), List.of(), List.of(audio)).toString();
    }

    /**
     * The peer's answer to our offer (RFC 3264 §6.1): the first of its audio formats that we offered, telephone-event
     * if it kept it, and where to send (null when the answer is sendonly or inactive, or c=0.0.0.0). {@code answerSdp}
     * of the result is our offer.
     *
     * @throws SdpNegotiationException when the answer does not parse, rejects our audio stream (port 0), or names
     *                                 only formats we did not offer
     */
    public NegotiatedMedia accept(String ourOffer, String answerSdp) throws SdpNegotiationException {
        if (answerSdp == null || answerSdp.isBlank()) {
            throw new SdpNegotiationException(399, "no SDP answer to our offer (RFC 3261 §13.2.1: the 2xx, or the ACK to a 2xx that offered)");
        }
        SessionDescription answer = SdpParser.parse(answerSdp);
        MediaDescription audio = answer.media().isEmpty() ? null : answer.media().get(0); // §6: same m-lines, same order
        if (audio == null || !audio.media().equalsIgnoreCase("audio") || audio.port() == 0) {
            throw new SdpNegotiationException(304, "the answer rejected our audio stream");
        }
        RtpMap codec = SdpAnswerer.chooseCodec(audio, "answer");
        RtpMap dtmf = SdpAnswerer.findTelephoneEvent(audio);
        Connection remote = answer.connectionFor(audio);
        if (remote == null) {
            throw new SdpNegotiationException(399, "answer has no c= line for its audio stream (RFC 8866 §5.7)");
        }
        Direction direction = answer.directionFor(audio);
        boolean peerReceives = direction == Direction.SENDRECV || direction == Direction.RECVONLY;
        InetSocketAddress remoteRtp = remote.isNullAddress() || !peerReceives // §6.1: nowhere to send to
                ? null : SdpAnswerer.socketAddress(remote.host(), audio.port());
        return new NegotiatedMedia(ourOffer, remoteRtp, codec.payloadType(), codec.encodingName(),
                dtmf == null ? -1 : dtmf.payloadType());
    }
}
