package org.sipee.rar;

import java.time.Duration;

import jakarta.resource.spi.ResourceAdapterInternalException;

import org.sipee.media.MediaConfig;
import org.sipee.sip.SipStackConfig;

/**
 * The adapter's config-properties turned into engine configurations. Every invalid value fails
 * with a ResourceAdapterInternalException whose message names the config-property.
 */
record EngineSettings(SipStackConfig sip, MediaConfig media, int deliveryThreads) {

    static EngineSettings from(SipResourceAdapter ra) throws ResourceAdapterInternalException {
        try {
            int sipPort = range("sipPort", ra.getSipPort(), 0, 65535);
            int t1 = range("t1Millis", ra.getT1Millis(), 1, 4000);
            int threads = range("deliveryThreads", ra.getDeliveryThreads(), 1, 64);
            int rtpMin = required("rtpPortMin", ra.getRtpPortMin());
            int rtpMax = required("rtpPortMax", ra.getRtpPortMax());
            SipStackConfig sip = SipStackConfig.defaults(ra.getBindAddress(), sipPort).withT1(Duration.ofMillis(t1));
            MediaConfig media = new MediaConfig(ra.getBindAddress(), rtpMin, rtpMax);
            return new EngineSettings(sip, media, threads);
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException("media-rar: invalid config-property: " + e.getMessage(), e);
        }
    }

    private static int required(String name, Integer value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must be set");
        }
        return value;
    }

    private static int range(String name, Integer value, int min, int max) {
        int v = required(name, value);
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + v);
        }
        return v;
    }
}
