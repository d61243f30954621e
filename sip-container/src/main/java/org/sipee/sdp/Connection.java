package org.sipee.sdp;

/**
 * A c= line (RFC 8866 §5.7): {@code c=<nettype> <addrtype> <connection-address>}.
 * The address may carry a multicast suffix ({@code /ttl[/n]}); {@link #host()} strips it.
 */
public record Connection(String netType, String addrType, String address) {

    /** {@code IN IP4 a.b.c.d} or {@code IN IP6 ...}, chosen by the address' shape. */
    public static Connection of(String address) {
        return new Connection("IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }

    /** The address without a multicast TTL / count suffix. */
    public String host() {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    /** The RFC 2543 hold convention, {@code c=IN IP4 0.0.0.0} (RFC 3264 §8.4 still requires accepting it). */
    public boolean isNullAddress() {
        String h = host();
        return h.equals("0.0.0.0") || h.equals("::") || h.equals("0:0:0:0:0:0:0:0");
    }

    @Override
    public String toString() {
        return netType + " " + addrType + " " + address;
    }
}
