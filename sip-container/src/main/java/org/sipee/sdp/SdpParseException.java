package org.sipee.sdp;

/**
 * A session description that is not well-formed SDP (RFC 8866 §5, §9). Carries warn-code 399
 * (RFC 3261 §20.43, miscellaneous) so it can go straight into a 488's Warning header.
 */
public class SdpParseException extends SdpNegotiationException {

    private final int lineNumber;

    /** @param lineNumber 1-based line of the offending line, 0 when the problem is the description as a whole */
    public SdpParseException(int lineNumber, String message) {
        super(399, lineNumber > 0 ? "bad SDP at line " + lineNumber + ": " + message : "bad SDP: " + message);
        this.lineNumber = lineNumber;
    }

    public int lineNumber() {
        return lineNumber;
    }
}
