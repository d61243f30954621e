package org.sipee.sip.transaction;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;

import io.netty.util.NetUtil;
import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.Via;

/**
 * Branch parameters (RFC 3261 §8.1.1.7): the magic cookie and 64 bits of cryptographic randomness, unique
 * per transaction; and the top Via that carries one. The transport may rewrite the Via's transport and
 * sent-by to the connection it uses (see {@link RequestChannel}).
 */
public final class Branches {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Branches() {
    }

    public static String next() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return Via.MAGIC_COOKIE + HexFormat.of().formatHex(bytes);
    }

    /** A random To tag for a final response the transaction layer sends itself (§8.2.6.2). */
    static String localTag() {
        return next().substring(Via.MAGIC_COOKIE.length());
    }

    /** Adds a top Via with a new branch and rport (RFC 3581) to a request we originate; returns the branch. */
    public static String addTopVia(SipRequest request, InetSocketAddress local) {
        String branch = next();
        String host = NetUtil.toAddressString(local.getAddress());
        String sentBy = (host.indexOf(':') >= 0 ? '[' + host + ']' : host) + ':' + local.getPort();
        request.addHeader(HeaderNames.VIA, "SIP/2.0/UDP " + sentBy + ";branch=" + branch + ";rport");
        return branch;
    }
}
