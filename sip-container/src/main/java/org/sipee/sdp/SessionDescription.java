package org.sipee.sdp;

import java.util.List;

/**
 * A parsed session description (RFC 8866 §5). Immutable; {@link #toString()} gives the SDP text.
 *
 * @param origin      the o= line
 * @param sessionName the s= value ("-" when there is nothing to say)
 * @param connection  session-level c= line, null when every media section has its own
 * @param timing      t= values (usually just "0 0"), each optionally followed by r= lines kept as {@code r=...}
 * @param otherLines  other session-level lines kept verbatim as {@code x=value} (i=, u=, e=, p=, b=, z=, k=)
 * @param attributes  session-level a= lines
 * @param media       media sections in order
 */
public record SessionDescription(Origin origin, String sessionName, Connection connection, List<String> timing,
                                 List<String> otherLines, List<Attribute> attributes, List<MediaDescription> media) {

    public SessionDescription {
        timing = List.copyOf(timing);
        otherLines = List.copyOf(otherLines);
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /** Parses SDP text; see {@link SdpParser#parse(String)}. */
    public static SessionDescription parse(String sdp) throws SdpParseException {
        return SdpParser.parse(sdp);
    }

    /** The c= line that applies to a media section: its own, else the session's (RFC 8866 §5.7). */
    public Connection connectionFor(MediaDescription m) {
        return m.connection() != null ? m.connection() : connection;
    }

    /** The direction of a media section: media-level attribute, else session-level, else sendrecv (RFC 3264 §5.1). */
    public Direction directionFor(MediaDescription m) {
        Direction d = m.direction();
        if (d == null) {
            d = Direction.find(attributes);
        }
        return d == null ? Direction.SENDRECV : d;
    }

    /** The SDP text, CRLF line ends (RFC 8866 §5). */
    @Override
    public String toString() {
        return SdpWriter.write(this);
    }
}
