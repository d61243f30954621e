package org.sipee.sip.ua;

/**
 * Options of both cores: RFC 4028 session timers and RFC 3262 reliable provisionals. Every invalid value is
 * refused with a message naming the setting.
 *
 * @param sessionExpires  the session interval we ask for (UAC) or grant when the caller asks for none (UAS), in
 *                        seconds; default 1800 (RFC 4028 §4 recommends 1800)
 * @param minSE           the smallest session interval we accept (Min-SE, RFC 4028 §5), in seconds; at least 90
 * @param sessionTimers   whether we use session timers at all (Supported: timer, Session-Expires)
 * @param require100rel   as UAC, whether our INVITE says Require: 100rel instead of only Supported (RFC 3262 §4)
 */
public record UaPolicy(long sessionExpires, long minSE, boolean sessionTimers, boolean require100rel) {

    public static final UaPolicy DEFAULTS = new UaPolicy(1800, 90, true, false);

    public UaPolicy {
        if (minSE < 90) {
            throw new IllegalArgumentException("minSE must be at least 90 seconds (RFC 4028 §5), was " + minSE);
        }
        if (sessionExpires < minSE) {
            throw new IllegalArgumentException("sessionExpires (" + sessionExpires + " s) must not be below minSE ("
                    + minSE + " s)");
        }
    }
}
