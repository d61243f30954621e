package org.sipee.session;

import java.util.ArrayList;
import java.util.List;

import org.sipee.sdp.Attribute;
import org.sipee.sdp.Direction;
import org.sipee.sdp.MediaDescription;
import org.sipee.sdp.Origin;
import org.sipee.sdp.SdpParseException;
import org.sipee.sdp.SdpParser;
import org.sipee.sdp.SessionDescription;

/**
 * Our SDP across the exchanges of one session. RFC 3264 §8: every later SDP keeps the o= line of the first with
 * the version incremented by one; §8.4: hold is the direction attribute of the stream (sendonly, or inactive).
 */
final class SdpRevision {

    private SdpRevision() {
    }

    /** {@code next} with the o= line of {@code previous}, version + 1 (§8). */
    static String next(String previous, String next) throws SdpParseException {
        SessionDescription before = SdpParser.parse(previous);
        SessionDescription after = SdpParser.parse(next);
        return withOrigin(after, incremented(before.origin())).toString();
    }

    /** {@code current} with every accepted audio stream set to {@code direction}, version + 1 (§8.4). */
    static String withDirection(String current, Direction direction) throws SdpParseException {
        SessionDescription sdp = SdpParser.parse(current);
        List<MediaDescription> media = new ArrayList<>();
        for (MediaDescription m : sdp.media()) {
            media.add(isAudio(m) ? directed(m, direction) : m);
        }
        return new SessionDescription(incremented(sdp.origin()), sdp.sessionName(), sdp.connection(), sdp.timing(),
                sdp.otherLines(), sdp.attributes(), media).toString();
    }

    /**
     * Whether we may send audio under this answer of ours: its audio stream is sendrecv or sendonly (RFC 3264
     * §6.1) and the offer gave an address (c=0.0.0.0 is the RFC 2543 hold, §8.4).
     */
    static boolean weSend(String ourAnswer, boolean peerHasAddress) throws SdpParseException {
        SessionDescription sdp = SdpParser.parse(ourAnswer);
        for (MediaDescription m : sdp.media()) {
            if (isAudio(m)) {
                Direction d = sdp.directionFor(m);
                return peerHasAddress && (d == Direction.SENDRECV || d == Direction.SENDONLY);
            }
        }
        return false;
    }

    private static boolean isAudio(MediaDescription m) {
        return m.media().equalsIgnoreCase("audio") && m.port() != 0;
    }

    private static MediaDescription directed(MediaDescription m, Direction direction) {
        List<Attribute> attributes = new ArrayList<>();
        for (Attribute a : m.attributes()) {
            if (Direction.find(List.of(a)) == null) {
                attributes.add(a);
            }
        }
        attributes.add(Attribute.property(direction.attributeName()));
        return new MediaDescription(m.media(), m.port(), m.portCount(), m.proto(), m.formats(), m.connection(),
                m.otherLines(), attributes);
    }

    private static Origin incremented(Origin o) {
        long version;
        try {
            version = Long.parseLong(o.sessionVersion()) + 1;
        } catch (NumberFormatException e) {
            version = 1;
        }
        return new Origin(o.username(), o.sessionId(), Long.toString(version), o.netType(), o.addrType(), o.address());
    }

    private static SessionDescription withOrigin(SessionDescription sdp, Origin origin) {
        return new SessionDescription(origin, sdp.sessionName(), sdp.connection(), sdp.timing(), sdp.otherLines(),
                sdp.attributes(), sdp.media());
    }
}
