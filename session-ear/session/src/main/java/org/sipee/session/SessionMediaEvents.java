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

    /** What the session consumes (a JMS message selector); not MediaStopped, sent as the call ends. */
    static final String SELECTOR = "sipeeEvent IN ('MediaStarted', 'QualityReport', 'MediaFailure')";

    private final SessionRegistry registry;

    SessionMediaEvents(SessionRegistry registry) {
        this.registry = registry;
    }

    /** @param property the event's message properties by name (null when absent) */
    void apply(Function<String, Object> property) {
        BaseSession session = registry.session(String.valueOf(property.apply("callId")));
        if (session == null) {
            return;
        }
        String type = String.valueOf(property.apply("sipeeEvent"));
        switch (type) {
            case "MediaStarted" -> session.mediaReports().started();
            case "QualityReport" -> session.mediaReports().quality(MediaQuality.of(property));
            case "MediaFailure" -> {
                LOG.info(() -> "media of " + session.callId() + " failed: " + property.apply("reason") + ", " + property.apply("message"));
                session.followUps().execute(session::mediaFailed); // in order with the call's events
            }
            default -> LOG.fine(() -> "ignored media event " + type + " of " + session.callId());
        }
    }
}
