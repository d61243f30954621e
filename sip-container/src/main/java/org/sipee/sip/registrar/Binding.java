package org.sipee.sip.registrar;

import java.io.Serializable;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One contact address bound to an address-of-record (RFC 3261 §10.3), as stored in the location service.
 * An immutable value: a refresh stores a new one.
 *
 * @param contactUri         the Contact URI, without angle brackets
 * @param contact            the Contact value as the phone sent it, minus its expires parameter (q, +sip.instance,
 *                           reg-id and other parameters kept), in name-addr form
 * @param expiresAtMillis    when the binding expires (clock of the registrar)
 * @param qMillis            the q parameter times 1000 (0..1000; 1000 when absent, §20.10)
 * @param callId             Call-ID of the REGISTER that set it (§10.3 step 7)
 * @param cseq               CSeq number of that REGISTER
 * @param path               the REGISTER's Path values in order (RFC 3327 §5.3), empty without Path
 * @param instanceId         the +sip.instance value without its quotes (RFC 5626 §4.1), or null
 * @param regId              the reg-id (RFC 5626 §4.2), or null when absent or ignored
 * @param source             transport, address and port the REGISTER came from, e.g. "udp:192.0.2.4:5062" or
 *                           "tcp:[2001:db8::1]:5060": where the phone really is behind a NAT
 * @param registeredAtMillis when the last REGISTER that set or refreshed it was processed
 */
public record Binding(String contactUri, String contact, long expiresAtMillis, int qMillis, String callId, long cseq,
        List<String> path, String instanceId, Integer regId, String source, long registeredAtMillis)
        implements Serializable {

    public Binding {
        Objects.requireNonNull(contactUri, "contactUri");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(source, "source");
        path = List.copyOf(path);
        if (qMillis < 0 || qMillis > 1000) {
            throw new IllegalArgumentException("qMillis must be 0..1000, was " + qMillis);
        }
        if (source.indexOf(':') <= 0 || source.lastIndexOf(':') == source.indexOf(':')) {
            throw new IllegalArgumentException("source must be transport:host:port, was '" + source + "'");
        }
    }

    /** The source value for a REGISTER received from address over transport ("udp", "tcp", ...). */
    public static String source(String transport, InetSocketAddress address) {
        if (transport.isBlank() || transport.indexOf(':') >= 0) {
            throw new IllegalArgumentException("transport must be a name such as udp, was '" + transport + "'");
        }
        String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = '[' + host + ']';
        }
        return transport.toLowerCase(Locale.ROOT) + ':' + host + ':' + address.getPort();
    }

    public boolean isLiveAt(long nowMillis) {
        return expiresAtMillis > nowMillis;
    }

    /** Seconds until expiry, rounded up so that a live binding never shows 0 (which would mean removed). */
    public int expiresIn(long nowMillis) {
        long remaining = expiresAtMillis - nowMillis;
        return remaining <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (remaining + 999) / 1000);
    }

    /** The transport of the REGISTER, lower case, e.g. "udp". */
    public String transport() {
        return source.substring(0, source.indexOf(':'));
    }

    /** The address the REGISTER came from (an IP literal: no name lookup). */
    public InetSocketAddress sourceAddress() {
        String hostPort = source.substring(source.indexOf(':') + 1);
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** This binding as a Contact value of a 200 to REGISTER (§10.3 step 8): the contact with its expires. */
    public String responseValue(long nowMillis) {
        return contact + ";expires=" + expiresIn(nowMillis);
    }
}
