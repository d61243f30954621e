package org.sipee.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses SDP text (RFC 8866 §5, §9). Accepts CRLF or LF line ends and ignores blank lines and
 * trailing whitespace; rejects anything else that is not well-formed, with a message naming the line.
 * Missing t= is tolerated (some user agents omit it); the writer puts {@code t=0 0} back.
 */
public final class SdpParser {

    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");
    private static final Pattern SPACES = Pattern.compile(" +");

    private static final String KNOWN_TYPES = "vosiuepcbtrzkam";

    private final List<String> timing = new ArrayList<>();
    private final List<String> otherLines = new ArrayList<>();
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<MediaDescription> media = new ArrayList<>();
    private Origin origin;
    private String sessionName;
    private Connection connection;
    private MediaBuilder current;
    private int lineNo;

    private SdpParser() {
    }

    /** Parses one session description. */
    public static SessionDescription parse(String sdp) throws SdpParseException {
        if (sdp == null || sdp.isBlank()) {
            throw new SdpParseException(0, "empty session description");
        }
        return new SdpParser().run(sdp);
    }

    private SessionDescription run(String sdp) throws SdpParseException {
        int seen = 0;
        for (String raw : LINE_BREAK.split(sdp, -1)) {
            lineNo++;
            String l = raw.stripTrailing();
            if (l.isEmpty()) {
                continue;
            }
            if (l.length() < 2 || l.charAt(1) != '=') {
                throw new SdpParseException(lineNo, "expected <type>=<value>, got '" + abbreviate(l) + "'");
            }
            char type = l.charAt(0);
            String value = l.substring(2);
            if (KNOWN_TYPES.indexOf(type) < 0) {
                throw new SdpParseException(lineNo, "unknown line type '" + type + "=' (RFC 8866 §5)");
            }
            // §5: v=, o=, s= come first and in this order
            if (seen < 3) {
                char expected = "vos".charAt(seen);
                if (type != expected) {
                    throw new SdpParseException(lineNo, "missing " + expected + "= line (found '" + type + "=' instead)");
                }
                seen++;
            } else if (type == 'v' || type == 'o' || type == 's') {
                throw new SdpParseException(lineNo, "duplicate " + type + "= line");
            }
            line(type, value);
        }
        if (seen < 3) {
            throw new SdpParseException(0, "missing " + "vos".charAt(seen) + "= line");
        }
        finishMedia();
        return new SessionDescription(origin, sessionName, connection, timing, otherLines, attributes, media);
    }

    private void line(char type, String value) throws SdpParseException {
        switch (type) {
            case 'v' -> {
                if (!value.equals("0")) {
                    throw new SdpParseException(lineNo, "unsupported version v=" + value + " (only v=0)");
                }
            }
            case 'o' -> origin = origin(value);
            case 's' -> sessionName = value;
            case 'c' -> {
                Connection c = connection(value);
                if (current != null) {
                    current.connection = c;
                } else {
                    connection = c;
                }
            }
            case 't' -> {
                requireSessionLevel(type);
                String[] t = tokens(value);
                if (t.length != 2 || !isNumber(t[0]) || !isNumber(t[1])) {
                    throw new SdpParseException(lineNo, "bad t= line '" + value + "': expected <start-time> <stop-time>");
                }
                timing.add(value);
            }
            case 'r' -> {
                requireSessionLevel(type);
                timing.add("r=" + value);
            }
            case 'a' -> {
                Attribute a = attribute(value);
                (current != null ? current.attributes : attributes).add(a);
            }
            case 'm' -> {
                finishMedia();
                current = mediaLine(value);
            }
            default -> (current != null ? current.otherLines : otherLines).add(type + "=" + value);
        }
    }

    private Origin origin(String value) throws SdpParseException {
        String[] t = tokens(value);
        if (t.length != 6) {
            throw new SdpParseException(lineNo, "bad o= line '" + value
                    + "': expected <username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>");
        }
        return new Origin(t[0], t[1], t[2], t[3], t[4], t[5]);
    }

    private Connection connection(String value) throws SdpParseException {
        String[] t = tokens(value);
        if (t.length != 3) {
            throw new SdpParseException(lineNo, "bad c= line '" + value + "': expected <nettype> <addrtype> <connection-address>");
        }
        return new Connection(t[0], t[1], t[2]);
    }

    private Attribute attribute(String value) throws SdpParseException {
        if (value.isEmpty()) {
            throw new SdpParseException(lineNo, "empty a= line");
        }
        int colon = value.indexOf(':');
        Attribute a = colon < 0 ? Attribute.property(value) : Attribute.of(value.substring(0, colon), value.substring(colon + 1));
        if (a.name().equalsIgnoreCase("rtpmap") && RtpMap.parse(a.value()) == null) {
            throw new SdpParseException(lineNo, "bad a=rtpmap '" + value
                    + "': expected <payload type> <encoding name>/<clock rate>[/<encoding parameters>]");
        }
        return a;
    }

    /** {@code m=<media> <port>[/<number of ports>] <proto> <fmt> ...} (§5.14). */
    private MediaBuilder mediaLine(String value) throws SdpParseException {
        String[] t = tokens(value);
        if (t.length < 4) {
            throw new SdpParseException(lineNo, "bad m= line '" + value + "': expected <media> <port> <proto> <fmt> ...");
        }
        String[] portParts = t[1].split("/", -1);
        int port = number(portParts[0], 65535, "port", value);
        int count = portParts.length == 2 ? number(portParts[1], 65535, "number of ports", value) : 0;
        if (portParts.length > 2) {
            throw new SdpParseException(lineNo, "bad m= line '" + value + "': port '" + t[1] + "'");
        }
        List<String> formats = List.of(t).subList(3, t.length);
        if (MediaDescription.isRtpProto(t[2])) {
            for (String f : formats) {
                number(f, 127, "RTP payload type", value);
            }
        }
        return new MediaBuilder(t[0], port, count, t[2], formats);
    }

    private int number(String s, int max, String what, String line) throws SdpParseException {
        if (!isNumber(s) || s.length() > 6 || Integer.parseInt(s) > max) {
            throw new SdpParseException(lineNo, "bad m= line '" + line + "': " + what + " '" + s + "' is not a number 0.." + max);
        }
        return Integer.parseInt(s);
    }

    private void requireSessionLevel(char type) throws SdpParseException {
        if (current != null) {
            throw new SdpParseException(lineNo, type + "= line inside a media section");
        }
    }

    private void finishMedia() {
        if (current != null) {
            media.add(new MediaDescription(current.media, current.port, current.portCount, current.proto,
                    current.formats, current.connection, current.otherLines, current.attributes));
            current = null;
        }
    }

    private static String[] tokens(String value) {
        String v = value.trim();
        return v.isEmpty() ? new String[0] : SPACES.split(v);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 20) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static final class MediaBuilder {
        final String media;
        final int port;
        final int portCount;
        final String proto;
        final List<String> formats;
        final List<String> otherLines = new ArrayList<>();
        final List<Attribute> attributes = new ArrayList<>();
        Connection connection;

        MediaBuilder(String media, int port, int portCount, String proto, List<String> formats) {
            this.media = media;
            this.port = port;
            this.portCount = portCount;
            this.proto = proto;
            this.formats = formats;
        }
    }
}
