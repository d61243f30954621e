package org.sipee.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A SIP response as the test UA reads it off the wire (deliberately naive, test-only parser). */
public record SipResponse(int status, String reason, Map<String, List<String>> headers, String body) {

    static SipResponse parse(String text) {
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        String[] lines = head.split("\r\n");
        if (!lines[0].startsWith("SIP/2.0 ")) {
            throw new IllegalArgumentException("not a response: " + lines[0]);
        }
        int status = Integer.parseInt(lines[0].substring(8, 11));
        String reason = lines[0].length() > 12 ? lines[0].substring(12) : "";
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = canonical(lines[i].substring(0, colon).trim());
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        return new SipResponse(status, reason, headers, body);
    }

    public String header(String name) {
        List<String> values = headers.get(canonical(name));
        return values == null ? null : values.get(0);
    }

    public String cseqMethod() {
        String cseq = header("CSeq");
        return cseq.substring(cseq.indexOf(' ') + 1).trim();
    }

    public int cseqNumber() {
        String cseq = header("CSeq");
        return Integer.parseInt(cseq.substring(0, cseq.indexOf(' ')).trim());
    }

    /** The To header, with the tag the server added. */
    public String to() {
        return header("To");
    }

    /** The URI inside the Contact header, or null. */
    public String contactUri() {
        String contact = header("Contact");
        if (contact == null) {
            return null;
        }
        int lt = contact.indexOf('<');
        return lt >= 0 ? contact.substring(lt + 1, contact.indexOf('>')) : contact.split(";")[0];
    }

    private static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "t" -> "to";
            case "f" -> "from";
            case "i" -> "call-id";
            case "m" -> "contact";
            case "v" -> "via";
            case "c" -> "content-type";
            case "l" -> "content-length";
            default -> lower;
        };
    }

    @Override
    public String toString() {
        return status + " " + reason + " (" + header("CSeq") + ")";
    }
}
