package org.sipee.sdp;

import java.util.List;

/** Serializes a {@link SessionDescription} with the line order RFC 8866 §5 prescribes and CRLF line ends. */
final class SdpWriter {

    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    static String write(SessionDescription sd) {
        StringBuilder b = new StringBuilder(256);
        line(b, 'v', "0");
        line(b, 'o', sd.origin().toString());
        line(b, 's', sd.sessionName());
        others(b, sd.otherLines(), "iuep");
        if (sd.connection() != null) {
            line(b, 'c', sd.connection().toString());
        }
        others(b, sd.otherLines(), "b");
        if (sd.timing().isEmpty()) {
            line(b, 't', "0 0"); // t= is mandatory (§5.9); "0 0" is an unbounded session
        }
        for (String t : sd.timing()) {
            b.append(t.startsWith("r=") ? t : "t=" + t).append(CRLF);
        }
        others(b, sd.otherLines(), "zk");
        attributes(b, sd.attributes());
        for (MediaDescription m : sd.media()) {
            StringBuilder ml = new StringBuilder().append(m.media()).append(' ').append(m.port());
            if (m.portCount() > 0) {
                ml.append('/').append(m.portCount());
            }
            ml.append(' ').append(m.proto());
            for (String f : m.formats()) {
                ml.append(' ').append(f);
            }
            line(b, 'm', ml.toString());
            others(b, m.otherLines(), "i");
            if (m.connection() != null) {
                line(b, 'c', m.connection().toString());
            }
            others(b, m.otherLines(), "bk");
            attributes(b, m.attributes());
        }
        return b.toString();
    }

    private static void line(StringBuilder b, char type, String value) {
        b.append(type).append('=').append(value).append(CRLF);
    }

    private static void others(StringBuilder b, List<String> lines, String types) {
        for (String l : lines) {
            if (types.indexOf(l.charAt(0)) >= 0) {
                b.append(l).append(CRLF);
            }
        }
    }

    private static void attributes(StringBuilder b, List<Attribute> attributes) {
        for (Attribute a : attributes) {
            line(b, 'a', a.toString());
        }
    }
}
