package org.sipee.sip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sipee.sip.overload.OverloadPolicy;
import org.sipee.sip.ua.UaPolicy;

/**
 * Settings of one SIP stack. Every invalid value is refused with a message naming the setting.
 *
 * @param bindAddress    local address to bind (IPv4 or IPv6 literal, or host name)
 * @param port           SIP port, shared by every transport; 0 picks a free port
 * @param t1             RFC 3261 §17.1.1.1 round-trip estimate (default 500 ms)
 * @param t2             maximum retransmit interval for non-INVITE requests and INVITE responses (default 4 s)
 * @param t4             maximum time a message stays in the network (default 5 s)
 * @param transports     transports to listen on, of "UDP" and "TCP" (default both, §18: a UA must do both)
 * @param tcpIdleTimeout a TCP connection without traffic this long is closed (default 180 s: longer than the
 *                       95-120 s RFC 5626 §4.4.1 keep-alive interval, so kept-alive flows are never cut);
 *                       never while a request on it awaits its final response
 * @param ua             RFC 4028 session timers (Session-Expires, Min-SE) and RFC 3262 options of both cores
 *                       (default {@link UaPolicy#DEFAULTS}: 1800 s, Min-SE 90 s, timers on, 100rel supported)
 * @param overload       when new requests get 503 (default {@link OverloadPolicy#DEFAULTS})
 */
public record SipStackConfig(String bindAddress, int port, Duration t1, Duration t2, Duration t4,
                             List<String> transports, Duration tcpIdleTimeout, UaPolicy ua, OverloadPolicy overload) {

    public static final int DEFAULT_PORT = 5060;
    public static final List<String> DEFAULT_TRANSPORTS = List.of("UDP", "TCP");
    public static final Duration DEFAULT_TCP_IDLE_TIMEOUT = Duration.ofSeconds(180);
    private static final List<String> SUPPORTED_TRANSPORTS = List.of("UDP", "TCP");

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
        transports = normalize(transports);
        requirePositive("tcpIdleTimeout", tcpIdleTimeout);
        ua = ua == null ? UaPolicy.DEFAULTS : ua;
        overload = overload == null ? OverloadPolicy.DEFAULTS : overload;
    }

    public SipStackConfig(String bindAddress, int port, Duration t1, Duration t2, Duration t4,
                          List<String> transports, Duration tcpIdleTimeout) {
        this(bindAddress, port, t1, t2, t4, transports, tcpIdleTimeout, UaPolicy.DEFAULTS, OverloadPolicy.DEFAULTS);
    }

    /** The timers only; UDP and TCP with the default idle timeout. */
    public SipStackConfig(String bindAddress, int port, Duration t1, Duration t2, Duration t4) {
        this(bindAddress, port, t1, t2, t4, DEFAULT_TRANSPORTS, DEFAULT_TCP_IDLE_TIMEOUT);
    }

    /** RFC 3261 defaults on the given address and port, UDP and TCP. */
    public static SipStackConfig defaults(String bindAddress, int port) {
        return new SipStackConfig(bindAddress, port, Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(5));
    }

    public SipStackConfig withT1(Duration newT1) {
        return new SipStackConfig(bindAddress, port, newT1, t2, t4, transports, tcpIdleTimeout, ua, overload);
    }

    public SipStackConfig withTransports(List<String> newTransports) {
        return new SipStackConfig(bindAddress, port, t1, t2, t4, newTransports, tcpIdleTimeout, ua, overload);
    }

    public SipStackConfig withTcpIdleTimeout(Duration newTimeout) {
        return new SipStackConfig(bindAddress, port, t1, t2, t4, transports, newTimeout, ua, overload);
    }

    /** Session timers and 100rel; e.g. {@code withUa(new UaPolicy(600, 120, true, false))}. */
    public SipStackConfig withUa(UaPolicy newUa) {
        return new SipStackConfig(bindAddress, port, t1, t2, t4, transports, tcpIdleTimeout, newUa, overload);
    }

    /** Load shedding thresholds and the per-source flood limit. */
    public SipStackConfig withOverload(OverloadPolicy newOverload) {
        return new SipStackConfig(bindAddress, port, t1, t2, t4, transports, tcpIdleTimeout, ua, newOverload);
    }

    private static List<String> normalize(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("transports must name at least one of " + SUPPORTED_TRANSPORTS + ", was " + names);
        }
        List<String> result = new ArrayList<>();
        for (String name : names) {
            String upper = name == null ? null : name.trim().toUpperCase(Locale.ROOT);
            if (!SUPPORTED_TRANSPORTS.contains(upper)) {
                throw new IllegalArgumentException("transports: '" + name + "' is not one of " + SUPPORTED_TRANSPORTS);
            }
            if (result.contains(upper)) {
                throw new IllegalArgumentException("transports: " + upper + " is given twice");
            }
            result.add(upper);
        }
        return List.copyOf(result);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
