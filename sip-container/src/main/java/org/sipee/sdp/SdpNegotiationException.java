package org.sipee.sdp;

/** An offer that cannot be answered: answer the INVITE with 488 and a Warning built from this. */
public class SdpNegotiationException extends Exception {

    private final int warnCode;

    /** @param warnCode RFC 3261 §20.43 warn-code, e.g. 304 media type not available, 305 incompatible media format, 399 miscellaneous */
    public SdpNegotiationException(int warnCode, String message) {
        super(message);
        this.warnCode = warnCode;
    }

    public int warnCode() {
        return warnCode;
    }

    /** Warning header value, e.g. {@code 305 sipee "no common codec: offer has only GSM"}. */
    public String warningHeader(String agent) {
        return warnCode + " " + agent + " \"" + getMessage().replace('"', '\'') + "\"";
    }
}
