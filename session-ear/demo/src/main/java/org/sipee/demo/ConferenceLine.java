package org.sipee.demo;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.sipee.session.Call;
import org.sipee.session.ConferenceRoom;
import org.sipee.session.ConferenceRooms;
import org.sipee.session.IncomingCall;
import org.sipee.session.Invite;

/**
 * sip:conf-ROOM@...: a conference room callers dial into. Everyone in ROOM hears everyone else; * mutes and unmutes
 * oneself. The room opens with its first caller and closes when the last one hangs up.
 */
@ApplicationScoped
public class ConferenceLine {

    private static final Logger LOG = Logger.getLogger(ConferenceLine.class.getName());

    @Inject
    ConferenceRooms rooms;

    @Invite("sip:conf-*@*")
    void onInvite(IncomingCall call) {
        String room = call.requestUri().replaceFirst("^sips?:conf-([^@;]*)@.*$", "$1");
        if (room.isEmpty()) {
            call.reject(404, "Not Found");
            return;
        }
        call.answer()
                .thenAccept(answered -> enter(room, answered))
                .exceptionally(failure -> {
                    LOG.info(() -> "conference call " + call.callId() + " not answered: " + failure.getMessage());
                    return null;
                });
    }

    private void enter(String name, Call call) {
        ConferenceRoom room = rooms.join(name, call);
        LOG.info(() -> "call " + call.callId() + " joined conference " + name + " (" + room.size() + " in it)");
        call.onDtmf(key -> {
            if (key == '*') {
                room.mute(call, !room.isMuted(call));
            }
        });
    }
}
