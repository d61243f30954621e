package org.sipee.sdp;

import java.util.List;

/**
 * One media section (RFC 8866 §5.14): the m= line and the lines after it up to the next m=.
 *
 * @param media      e.g. audio, video, application
 * @param port       transport port; 0 means the stream is rejected / disabled (RFC 3264 §5.1, §6)
 * @param portCount  the {@code /<number of ports>} suffix, 0 when absent
 * @param proto      e.g. RTP/AVP
 * @param formats    media formats; payload type numbers for RTP profiles
 * @param connection media-level c= line, null when the session-level one applies
 * @param otherLines other lines kept verbatim as {@code x=value} (i=, b=, k=)
 * @param attributes a= lines in order
 */
public record MediaDescription(String media, int port, int portCount, String proto, List<String> formats,
                               Connection connection, List<String> otherLines, List<Attribute> attributes) {

    public MediaDescription {
        formats = List.copyOf(formats);
        otherLines = List.copyOf(otherLines);
        attributes = List.copyOf(attributes);
    }

    /** The first value of attribute {@code name}, or null. */
    public String attribute(String name) {
        for (Attribute a : attributes) {
            if (a.name().equalsIgnoreCase(name)) {
                return a.value() == null ? "" : a.value();
            }
        }
        return null;
    }

    /** The a=rtpmap of this payload type, else its RFC 3551 static mapping, else null. */
    public RtpMap rtpMap(int payloadType) {
        for (Attribute a : attributes) {
            if (a.name().equalsIgnoreCase("rtpmap")) {
                RtpMap m = RtpMap.parse(a.value());
                if (m != null && m.payloadType() == payloadType) {
                    return m;
                }
            }
        }
        return StaticPayloadTypes.get(payloadType);
    }

    /** The format parameters of {@code a=fmtp:<pt> <params>} (RFC 8866 §6.15), or null. */
    public String fmtp(int payloadType) {
        String prefix = payloadType + " ";
        for (Attribute a : attributes) {
            if (a.name().equalsIgnoreCase("fmtp") && a.value() != null && a.value().startsWith(prefix)) {
                return a.value().substring(prefix.length()).trim();
            }
        }
        return null;
    }

    /** The media-level direction attribute, or null when absent. */
    public Direction direction() {
        return Direction.find(attributes);
    }

    /** True when the formats are RTP payload type numbers (RTP/AVP and its relatives, RFC 8866 §5.14). */
    public boolean isRtp() {
        return isRtpProto(proto);
    }

    static boolean isRtpProto(String proto) {
        return proto.contains("RTP/");
    }
}
