package org.sipee.sdp;

/** An o= line (RFC 8866 §5.2): {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>}. */
public record Origin(String username, String sessionId, String sessionVersion,
                     String netType, String addrType, String address) {

    @Override
    public String toString() {
        return String.join(" ", username, sessionId, sessionVersion, netType, addrType, address);
    }
}
