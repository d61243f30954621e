package org.sipee.session;

import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Applies the adapter's media events to this application's sessions: MediaStarted and QualityReport are kept on the
 * session, MediaFailure fails its media. Events of calls the application does not have (other applications', ended
 * calls) are ignored. DtmfReceived is not taken from here: digits reach @Dtmf handlers directly, in order with the
 * call's other events, and must not arrive twice.
 */
final class SessionMediaEvents {

    private static final Logger LOG = Logger.getLogger(SessionMediaEvents.class.getName());

    private final SessionRegistry registry;

    SessionMediaEvents(SessionRegistry registry) {
        this.registry = registry;
    }

    /** @param property the event's properties by name (null when absent); every event comes here, most are not ours */
    void apply(Function<String, Object> property) {
        String type = String.valueOf(property.apply("sipeeEvent"));
        if (!type.equals("MediaStarted") && !type.equals("QualityReport") && !type.equals("MediaFailure")) {
            return; // MediaStopped comes as the call ends; bridge, conference and DTMF events are for other consumers
        }
        BaseSession session = registry.session(String.valueOf(property.apply("callId")));
        if (session == null) {
            return;
        }
        switch (type) {
            case "MediaStarted" -> session.mediaReports().started();
            case "QualityReport" -> session.mediaReports().quality(MediaQuality.of(property));
            default -> {
                LOG.info(() -> "media of " + session.callId() + " failed: " + property.apply("reason") + ", " + property.apply("message"));
                session.followUps().execute(session::mediaFailed); // in order with the call's events
            }
        }
    }
}
