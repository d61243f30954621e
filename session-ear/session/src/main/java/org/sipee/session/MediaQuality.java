package org.sipee.session;

import java.time.Instant;
import java.util.function.Function;

/**
 * The latest receive quality of a call's RTP, from the adapter's QualityReport media event (RFC 3550 loss and
 * jitter, an E-model MOS). A value not known yet (no RTCP round trip, nothing received for a MOS) is NaN.
 *
 * @param reportedAt      when the engine measured it
 * @param packetsReceived RTP packets received so far
 * @param packetsLost     packets lost so far (expected - received)
 * @param fractionLost    0..1, lost in the last RTCP interval
 * @param jitterMs        interarrival jitter
 * @param roundTripMs     RTCP round trip
 * @param mos             MOS-CQE estimate, 1..4.5
 */
public record MediaQuality(Instant reportedAt, long packetsReceived, long packetsLost, double fractionLost,
                           double jitterMs, double roundTripMs, double mos) {

    /** From a QualityReport's message properties (README, "Media events"). */
    static MediaQuality of(Function<String, Object> property) {
        return new MediaQuality(Instant.ofEpochMilli(number(property, "eventTime").longValue()),
                number(property, "packetsReceived").longValue(), number(property, "packetsLost").longValue(),
                number(property, "fractionLost").doubleValue(), number(property, "jitterMs").doubleValue(),
                number(property, "roundTripMs").doubleValue(), number(property, "mos").doubleValue());
    }

    private static Number number(Function<String, Object> property, String name) {
        return property.apply(name) instanceof Number n ? n : Double.NaN;
    }
}
