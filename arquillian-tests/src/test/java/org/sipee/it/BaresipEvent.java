package org.sipee.it;

import java.util.regex.Pattern;

/**
 * What the harness recognises in baresip's output, as {@link Baresip#await} waits for it (each wait consumes one
 * occurrence). The "harness: ..." lines are the ones {@link BaresipOutput} adds for what baresip does not print.
 */
public enum BaresipEvent {
    READY("^baresip is ready\\."),
    /** "alice@127.0.0.1: {0/UDP/v4} 200 OK () [1 binding]" */
    REGISTERED("^\\S+: \\{\\d+/\\w+/v[46]\\} 2\\d\\d "),
    /** "reg: sip:alice@127.0.0.1: 403 Forbidden ()", "reg: ...: Register: Function not implemented", or ours. */
    REGISTRATION_FAILED("^reg: |^harness: credentials refused: .*REGISTER"),
    /** An initial INVITE received (once per Call-ID, whether it is answered at once or rings). */
    INCOMING_CALL("^harness: incoming call: "),
    RINGING("^call: SIP Progress: 18\\d"),
    CALL_ESTABLISHED(": Call established: "),
    /** "sip:bob@...: session closed: 486 Busy Here" or "...: Call with sip:bob@... terminated (duration: 4 secs)" */
    CALL_CLOSED(": session closed: |: Call with .* terminated \\(duration"),
    CREDENTIALS_REFUSED("^harness: credentials refused: ");

    final Pattern pattern;

    BaresipEvent(String regex) {
        this.pattern = Pattern.compile(regex);
    }
}
