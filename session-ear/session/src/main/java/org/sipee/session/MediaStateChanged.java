package org.sipee.session;

/** CDI event: a call's media state moved (e.g. Active to Paused on hold); in order with the call's other events. */
public record MediaStateChanged(Call call, MediaState from, MediaState to) {
}
