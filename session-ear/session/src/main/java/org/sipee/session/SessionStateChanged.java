package org.sipee.session;

/** CDI event: a call's session state moved (e.g. Ringing to Connected); events of one call arrive in order. */
public record SessionStateChanged(Call call, SessionState from, SessionState to) {
}
