package org.sipee.sdp;

/** Answers SDP offers for G.711 audio (RFC 3264). (shell: being written) */
public final class SdpAnswerer {

    /** @param advertisedAddress the address for the answer's o= and c= lines */
    public SdpAnswerer(String advertisedAddress) {
    }

    /** Parses the offer and builds the answer for our RTP port, keeping the offerer's payload-type numbers. */
    public NegotiatedMedia answer(String offerSdp, int localRtpPort) throws SdpNegotiationException {
        throw new SdpNegotiationException(399, "SdpAnswerer is being written");
    }
}
