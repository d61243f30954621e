package org.sipee.sip.message;

/** A SIP request (RFC 3261 §7.1). */
public final class SipRequest extends SipMessage {

    public static final String SIP_VERSION = "SIP/2.0";

    private final String method;
    private final String requestUri;
    private final String version;

    public SipRequest(String method, String requestUri) {
        this(method, requestUri, SIP_VERSION);
    }

    SipRequest(String method, String requestUri, String version) {
        this.method = method;
        this.requestUri = requestUri;
        this.version = version;
    }

    public String method() {
        return method;
    }

    public String requestUri() {
        return requestUri;
    }

    /** The SIP-Version of the request line as received. */
    public String version() {
        return version;
    }

    /** The Request-URI scheme in lower case, e.g. "sip" (schemes are case-insensitive, RFC 3986 §3.1). */
    public String requestUriScheme() {
        int colon = requestUri.indexOf(':');
        return colon < 0 ? "" : requestUri.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
    }

    /** Max-Forwards (§8.1.1.6, §20.22; checked to be 0..255 when parsed), or -1 when absent. */
    public int maxForwards() {
        String value = header(HeaderNames.MAX_FORWARDS);
        return value == null || !ValueCursor.isDigits(value) ? -1 : (int) ValueCursor.value(value, 256);
    }

    public boolean isMethod(String name) {
        return method.equals(name);
    }

    @Override
    public String startLine() {
        return method + ' ' + requestUri + ' ' + version;
    }
}
