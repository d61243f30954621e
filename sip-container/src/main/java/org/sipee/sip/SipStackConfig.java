package org.sipee.sip;

import java.time.Duration;

/**
 * Settings of one SIP stack. Every invalid value is refused with a message naming the setting.
 *
 * @param bindAddress local address to bind (IPv4 or IPv6 literal, or host name)
 * @param port        SIP port (UDP); 0 picks a free port
 * @param t1          RFC 3261 §17.1.1.1 round-trip estimate (default 500 ms)
 * @param t2          maximum retransmit interval for non-INVITE requests and INVITE responses (default 4 s)
 * @param t4          maximum time a message stays in the network (default 5 s)
 */
public record SipStackConfig(String bindAddress, int port, Duration t1, Duration t2, Duration t4) {

    public static final int DEFAULT_PORT = 5060;

    public SipStackConfig {
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("bindAddress must be an address or host name, was '" + bindAddress + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        requirePositive("t1", t1);
        requirePositive("t2", t2);
        requirePositive("t4", t4);
        if (t2.compareTo(t1) < 0) {
            throw new IllegalArgumentException("t2 (" + t2.toMillis() + " ms) must not be shorter than t1 (" + t1.toMillis() + " ms)");
        }
    }

    /** RFC 3261 defaults on the given address and port. */
    public static SipStackConfig defaults(String bindAddress, int port) {
        return new SipStackConfig(bindAddress, port, Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(5));
    }

    public SipStackConfig withT1(Duration newT1) {
        return new SipStackConfig(bindAddress, port, newT1, t2, t4);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
