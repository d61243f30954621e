package org.sipee.session;

/** CDI event: a new inbound call has a session, before its @Invite handler runs. */
public record SessionCreated(IncomingCall call) {
}
