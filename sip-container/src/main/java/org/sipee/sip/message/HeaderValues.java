package org.sipee.sip.message;

import java.util.List;

/** Splits comma-separated header values (RFC 3261 §7.3.1), ignoring commas inside quotes and angle brackets. */
final class HeaderValues {

    private HeaderValues() {
    }

    /** Appends the trimmed values of one header line to {@code into}. */
    static void split(String line, List<String> into) {
        int start = 0;
        int end = nextComma(line, 0);
        while (end >= 0) {
            into.add(line.substring(start, end).trim());
            start = end + 1;
            end = nextComma(line, start);
        }
        into.add(line.substring(start).trim());
    }

    /** The first value of a header line. */
    static String first(String line) {
        int end = nextComma(line, 0);
        return end < 0 ? line : line.substring(0, end).trim();
    }

    private static int nextComma(String line, int from) {
        boolean quoted = false;
        boolean angled = false;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                angled = true;
            } else if (c == '>') {
                angled = false;
            } else if (c == ',' && !angled) {
                return i;
            }
        }
        return -1;
    }
}
