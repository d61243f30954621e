package org.sipee.media;

/**
 * The RFC 4733 §2.3 telephone-event payload: event (8 bits), E (end) bit, R (reserved), volume (6 bits,
 * -dBm0), duration (16 bits, in RTP timestamp units).
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

    public static final int SIZE = 4;
    /** §2.3.5: the largest duration one packet can carry; longer events are split (§2.5.1.3). */
    public static final int MAX_DURATION = 0xFFFF;
    private static final String DIGITS = "0123456789*#ABCD"; // §3.2 table 3: events 0..15

    public TelephoneEvent {
        if (event < 0 || event > 255 || volume < 0 || volume > 63 || duration < 0 || duration > MAX_DURATION) {
            throw new IllegalArgumentException("bad telephone-event: event " + event + ", volume " + volume + ", duration " + duration);
        }
    }

    public byte[] encode() {
        return new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | volume), (byte) (duration >> 8), (byte) duration};
    }

    /** Decodes the first four octets (§2.3; RFC 4733 allows several events per packet, only the first counts here). */
    public static TelephoneEvent decode(byte[] payload) {
        if (payload.length < SIZE) {
            throw new IllegalArgumentException("telephone-event payload too short: " + payload.length + " bytes");
        }
        return new TelephoneEvent(payload[0] & 0xFF, (payload[1] & 0x80) != 0, payload[1] & 0x3F,
                ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF));
    }

    /** The event code of a DTMF digit (§3.2), case-insensitive for A-D. */
    public static int eventOf(char digit) {
        int i = DIGITS.indexOf(Character.toUpperCase(digit));
        if (i < 0) {
            throw new IllegalArgumentException("'" + digit + "' is not a DTMF digit (0-9, *, #, A-D)");
        }
        return i;
    }

    /** The digit of a DTMF event code, or 0 when the code is not DTMF (e.g. a fax tone). */
    public static char digitOf(int event) {
        return event >= 0 && event < DIGITS.length() ? DIGITS.charAt(event) : 0;
    }
}
