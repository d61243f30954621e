package org.sipee.media;

/**
 * Settings of the RTP engine. Every invalid value is refused with a message naming the setting.
 *
 * @param bindAddress address RTP sockets bind to, and advertise in SDP
 * @param rtpPortMin  first port of the RTP range (RTP takes even ports, RTCP the next odd one)
 * @param rtpPortMax  last port of the RTP range
 */
public record MediaConfig(String bindAddress, int rtpPortMin, int rtpPortMax) {

    public MediaConfig {
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("rtp bindAddress must be an address or host name, was '" + bindAddress + "'");
        }
        if (rtpPortMin < 1024 || rtpPortMin > 65534) {
            throw new IllegalArgumentException("rtpPortMin must be 1024..65534, was " + rtpPortMin);
        }
        if (rtpPortMax < rtpPortMin + 1 || rtpPortMax > 65535) {
            throw new IllegalArgumentException("rtpPortMax must be above rtpPortMin (" + rtpPortMin + ") and at most 65535, was " + rtpPortMax);
        }
    }
}
