package org.sipee.sip.message;

import java.util.List;

/** (shell: being written) A SIP request. */
public abstract class SipRequest {
    public abstract String method();
    public abstract String requestUri();
    /** First value of the header (full or compact name, case-insensitive), or null. */
    public abstract String header(String name);
    /** All values of the header, comma-separated values split, in order. */
    public abstract List<String> headerValues(String name);
    public abstract byte[] body();
}
