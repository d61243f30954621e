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

    public boolean isMethod(String name) {
        return method.equals(name);
    }

    @Override
    public String startLine() {
        return method + ' ' + requestUri + ' ' + version;
    }
}
