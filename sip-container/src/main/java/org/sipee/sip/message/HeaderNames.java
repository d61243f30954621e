package org.sipee.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Header field names: lookup keys, compact forms (RFC 3261 §7.3.3) and which headers hold comma lists (§7.3.1). */
public final class HeaderNames {

    public static final String VIA = "Via";
    public static final String FROM = "From";
    public static final String TO = "To";
    public static final String CALL_ID = "Call-ID";
    public static final String CSEQ = "CSeq";
    public static final String CONTACT = "Contact";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String MAX_FORWARDS = "Max-Forwards";
    public static final String RECORD_ROUTE = "Record-Route";
    public static final String REQUIRE = "Require";
    public static final String UNSUPPORTED = "Unsupported";
    public static final String SUPPORTED = "Supported";
    public static final String ALLOW = "Allow";
    public static final String ACCEPT = "Accept";
    public static final String EXPIRES = "Expires";
    public static final String MIN_EXPIRES = "Min-Expires";
    public static final String DATE = "Date";
    public static final String PATH = "Path";

    /** Compact form to lower-case full name (RFC 3261 §7.3.3, RFC 3265, RFC 3515, RFC 3892, RFC 3841, RFC 4028). */
    private static final Map<String, String> COMPACT = Map.ofEntries(
            Map.entry("i", "call-id"), Map.entry("m", "contact"), Map.entry("e", "content-encoding"),
            Map.entry("l", "content-length"), Map.entry("c", "content-type"), Map.entry("f", "from"),
            Map.entry("s", "subject"), Map.entry("k", "supported"), Map.entry("t", "to"), Map.entry("v", "via"),
            Map.entry("o", "event"), Map.entry("u", "allow-events"), Map.entry("r", "refer-to"),
            Map.entry("b", "referred-by"), Map.entry("a", "accept-contact"), Map.entry("j", "reject-contact"),
            Map.entry("d", "request-disposition"), Map.entry("x", "session-expires"), Map.entry("y", "identity"),
            Map.entry("n", "identity-info"));

    /** Headers whose grammar is a comma-separated list; other headers are never split (e.g. Date, Authorization). */
    private static final Set<String> LIST_VALUED = Set.of(
            "via", "contact", "route", "record-route", "allow", "supported", "require", "proxy-require",
            "unsupported", "accept", "accept-encoding", "accept-language", "content-encoding", "content-language",
            "in-reply-to", "alert-info", "call-info", "error-info", "warning", "allow-events", "path",
            "service-route", "reason", "p-asserted-identity", "history-info", "accept-contact", "reject-contact");

    /** Keys of the usual spellings (as defined, lower case, compact), so that most lookups allocate nothing. */
    private static final Map<String, String> KNOWN = known();

    /** The usual spellings by a hash of their bytes (open addressing), so that the parser can reuse them. */
    private static final String[] SPELLINGS = new String[512];
    private static final byte[][] SPELLING_BYTES = new byte[SPELLINGS.length][];

    static {
        for (String spelling : KNOWN.keySet()) {
            byte[] bytes = spelling.getBytes(StandardCharsets.US_ASCII);
            int slot = hash(bytes, 0, bytes.length);
            while (SPELLINGS[slot] != null) {
                slot = (slot + 1) & (SPELLINGS.length - 1);
            }
            SPELLINGS[slot] = spelling;
            SPELLING_BYTES[slot] = bytes;
        }
    }

    private HeaderNames() {
    }

    private static Map<String, String> known() {
        Map<String, String> known = new HashMap<>(256);
        for (String name : List.of(VIA, FROM, TO, CALL_ID, CSEQ, CONTACT, CONTENT_LENGTH, CONTENT_TYPE, MAX_FORWARDS,
                RECORD_ROUTE, "Route", REQUIRE, UNSUPPORTED, SUPPORTED, ALLOW, ACCEPT, "User-Agent", "Server", "Expires",
                "Date", "Subject", "Proxy-Require", "Authorization", "WWW-Authenticate", "Proxy-Authenticate",
                "Proxy-Authorization", "Event", "Allow-Events", "Session-Expires", "Min-SE", "Reason", "Warning",
                "Content-Disposition", "Content-Encoding", "Refer-To", "Referred-By", "P-Asserted-Identity",
                "Privacy", "Alert-Info", "Call-Info", "Retry-After", "Min-Expires", "Timestamp", "Organization",
                "Path")) {
            String lower = name.toLowerCase(Locale.ROOT);
            known.put(name, lower);
            known.put(lower, lower);
        }
        COMPACT.forEach((letter, full) -> {
            known.put(letter, full);
            known.put(letter.toUpperCase(Locale.ROOT), full);
        });
        return Map.copyOf(known);
    }

    /** The case-insensitive lookup key of a header name: its lower-case full form. */
    public static String key(String name) {
        String known = KNOWN.get(name);
        if (known != null) {
            return known;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.length() == 1) {
            String full = COMPACT.get(lower);
            if (full != null) {
                return full;
            }
        }
        return lower;
    }

    /** The known spelling written exactly as data[from, to) (the same String each time), or null. */
    static String spelling(byte[] data, int from, int to) {
        for (int slot = hash(data, from, to); SPELLINGS[slot] != null; slot = (slot + 1) & (SPELLINGS.length - 1)) {
            byte[] known = SPELLING_BYTES[slot];
            if (Arrays.equals(known, 0, known.length, data, from, to)) {
                return SPELLINGS[slot];
            }
        }
        return null;
    }

    private static int hash(byte[] data, int from, int to) {
        int h = to - from;
        for (int i = from; i < to; i++) {
            h = 31 * h + data[i];
        }
        return (h ^ (h >>> 9)) & (SPELLINGS.length - 1);
    }

    /** Whether values of the header with this key may be combined into one comma-separated line. */
    public static boolean isListValued(String key) {
        return LIST_VALUED.contains(key);
    }
}
