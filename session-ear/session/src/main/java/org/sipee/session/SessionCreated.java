package org.sipee.session;

/** CDI event: a new call has a session: an incoming one before its @Invite handler runs, an outgoing one before its INVITE goes out. */
public record SessionCreated(Call call) {
}
