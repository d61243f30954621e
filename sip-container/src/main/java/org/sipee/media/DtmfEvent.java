package org.sipee.media;

import java.time.Duration;

/**
 * A DTMF digit received as an RFC 4733 telephone-event, reported once when it ends.
 *
 * @param digit    0-9, *, #, A-D
 * @param duration how long the remote end pressed it (the event's duration field, §2.3.5)
 */
public record DtmfEvent(char digit, Duration duration) {
}
