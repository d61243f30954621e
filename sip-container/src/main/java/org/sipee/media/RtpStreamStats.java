package org.sipee.media;

/** Counters of one RTP stream. */
public record RtpStreamStats(long packetsSent, long packetsReceived, long bytesReceived) {
}
