package org.sipee.media;

import java.time.Duration;

/**
 * Per-stream settings; {@link #defaults()} suits ordinary calls.
 *
 * @param jitterMin     smallest playout delay of the adaptive jitter buffer (a multiple of 20 ms)
 * @param jitterMax     largest playout delay
 * @param rtcpInterval  nominal RTCP report interval (RFC 3550 §6.2; 5 s), randomized by [0.5, 1.5] (§6.3.1)
 * @param symmetricRtp  send to where the far end's RTP and RTCP come from (RFC 4961, NAT traversal)
 */
public record StreamOptions(Duration jitterMin, Duration jitterMax, Duration rtcpInterval, boolean symmetricRtp) {

    public StreamOptions {
        if (jitterMin.toMillis() < 20 || jitterMax.compareTo(jitterMin) < 0 || jitterMax.toMillis() > 2000) {
            throw new IllegalArgumentException("jitter buffer delays must satisfy 20 ms <= min <= max <= 2 s, were "
                    + jitterMin.toMillis() + " ms and " + jitterMax.toMillis() + " ms");
        }
        if (rtcpInterval.toMillis() < 100) {
            throw new IllegalArgumentException("rtcpInterval must be at least 100 ms, was " + rtcpInterval.toMillis() + " ms");
        }
    }

    public static StreamOptions defaults() {
        return new StreamOptions(Duration.ofMillis(40), Duration.ofMillis(300), Duration.ofSeconds(5), true);
    }

    public StreamOptions withJitter(Duration min, Duration max) {
        return new StreamOptions(min, max, rtcpInterval, symmetricRtp);
    }

    public StreamOptions withRtcpInterval(Duration interval) {
        return new StreamOptions(jitterMin, jitterMax, interval, symmetricRtp);
    }

    public StreamOptions withSymmetricRtp(boolean on) {
        return new StreamOptions(jitterMin, jitterMax, rtcpInterval, on);
    }

    int jitterMinFrames() {
        return (int) Math.max(1, jitterMin.toMillis() / 20);
    }

    int jitterMaxFrames() {
        return (int) Math.max(jitterMinFrames(), jitterMax.toMillis() / 20);
    }
}
