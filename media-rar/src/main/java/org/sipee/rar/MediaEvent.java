package org.sipee.rar;

import static org.sipee.rar.api.MediaEvents.CALL_ID;
import static org.sipee.rar.api.MediaEvents.EVENT_TIME;
import static org.sipee.rar.api.MediaEvents.RTP_PORT;
import static org.sipee.rar.api.MediaEvents.TYPE;
import static org.sipee.rar.api.MediaEvents.VERSION;
import static org.sipee.rar.api.MediaEvents.VERSION_PROPERTY;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sipee.media.DtmfEvent;
import org.sipee.media.RtpStreamStats;
import org.sipee.media.StreamQuality;
import org.sipee.rar.api.MediaEvents;

/**
 * One media event as the JMS message properties it is published with (the format of {@link MediaEvents}). Built
 * where the engine reports it (also on an event loop: only a small map), published later by the dispatcher.
 */
record MediaEvent(Map<String, Object> properties) {

    String type() {
        return (String) properties.get(TYPE);
    }

    String callId() {
        return (String) properties.get(CALL_ID);
    }

    static MediaEvent started(String callId, int port, InetSocketAddress remote) {
        Builder b = new Builder(MediaEvents.MEDIA_STARTED, callId, port);
        if (remote != null) {
            b.put("remoteAddress", remote.getHostString() + ":" + remote.getPort());
        }
        return b.build();
    }

    /** The stream's final counters and its final receive quality (what a last QualityReport would say). */
    static MediaEvent stopped(String callId, int port, RtpStreamStats stats, StreamQuality quality) {
        return withQuality(new Builder(MediaEvents.MEDIA_STOPPED, callId, port), quality)
                .put("packetsSent", stats.packetsSent())
                .put("packetsReceived", stats.packetsReceived())
                .put("bytesReceived", stats.bytesReceived())
                .build();
    }

    static MediaEvent dtmf(String callId, int port, DtmfEvent dtmf) {
        return new Builder(MediaEvents.DTMF_RECEIVED, callId, port)
                .put("digit", String.valueOf(dtmf.digit()))
                .put("durationMillis", dtmf.duration().toMillis())
                .build();
    }

    /** Receive quality (RFC 3550 §6.4 loss, A.8 jitter, the E-model's R and MOS) and what the far end reported by RTCP. */
    static MediaEvent quality(String callId, int port, StreamQuality q) {
        return withQuality(new Builder(MediaEvents.QUALITY_REPORT, callId, port), q).build();
    }

    private static Builder withQuality(Builder b, StreamQuality q) {
        return b.put("packetsSent", q.packetsSent())
                .put("packetsReceived", q.packetsReceived())
                .put("packetsExpected", q.packetsExpected())
                .put("packetsLost", q.packetsLost())
                .put("fractionLost", q.fractionLost())
                .put("jitterMs", q.jitterMs())
                .put("latePackets", q.latePackets())
                .put("roundTripMs", q.roundTripMs())
                .put("remoteFractionLost", q.remoteFractionLost())
                .put("remoteJitterMs", q.remoteJitterMs())
                .put("rFactor", q.rFactor())
                .put("mos", q.mos());
    }

    static MediaEvent timedOut(String callId, int port, Duration timeout) {
        return new Builder(MediaEvents.MEDIA_FAILURE, callId, port)
                .put("reason", MediaEvents.REASON_MEDIA_TIMEOUT)
                .put("timeoutSeconds", timeout.toSeconds())
                .put("message", "no RTP for " + timeout.toMillis() + " ms")
                .build();
    }

    /** No stream could be opened for the call (e.g. the RTP port range is used up): no port to name. */
    static MediaEvent openFailed(String callId, RuntimeException failure) {
        return new Builder(MediaEvents.MEDIA_FAILURE, callId, -1)
                .put("reason", MediaEvents.REASON_OPEN_FAILED)
                .put("message", String.valueOf(failure.getMessage()))
                .build();
    }

    /** The call was bridged to {@code peerCallId} (bridged true), or that bridge ended. */
    static MediaEvent bridgeChanged(String callId, String peerCallId, boolean bridged) {
        return new Builder(MediaEvents.BRIDGE_CHANGED, callId, -1)
                .put("bridged", bridged)
                .put("peerCallId", peerCallId)
                .build();
    }

    /** ConferenceJoined or ConferenceLeft: the room and its size after the change. */
    static MediaEvent membership(String type, String room, String callId, int participants) {
        return new Builder(type, callId, -1)
                .put(MediaEvents.ROOM, room)
                .put("participants", participants)
                .build();
    }

    static MediaEvent talking(String room, String callId, boolean talking) {
        return new Builder(MediaEvents.CONFERENCE_TALKING, callId, -1)
                .put(MediaEvents.ROOM, room)
                .put("talking", talking)
                .build();
    }

    private static final class Builder {
        private final Map<String, Object> properties = new LinkedHashMap<>();

        Builder(String type, String callId, int port) {
            properties.put(TYPE, type);
            properties.put(VERSION_PROPERTY, VERSION);
            properties.put(CALL_ID, callId);
            if (port >= 0) {
                properties.put(RTP_PORT, port);
            }
            properties.put(EVENT_TIME, System.currentTimeMillis());
        }

        /** NaN means "not known yet": such a property is left out (selectors then treat it as NULL). */
        Builder put(String name, Object value) {
            if (!(value instanceof Double d && d.isNaN())) {
                properties.put(name, value);
            }
            return this;
        }

        MediaEvent build() {
            return new MediaEvent(Collections.unmodifiableMap(properties));
        }
    }
}
