package org.sipee.rar.api;

/**
 * The format of the media events the adapter publishes to its JMS topic (config-property mediaEventsTopic, by
 * default {@code java:/jms/topic/sipee/media}): one body-less {@code jakarta.jms.Message} per event, non-persistent,
 * everything in message properties so subscribers can select on any of them, e.g.
 * {@code sipeeEvent = 'DtmfReceived' AND callId = '...'}. A property whose value is unknown (a MOS before any packet,
 * a round trip before RTCP measured one) is left out rather than sent as NaN. README.md, "Media events", lists the
 * properties of each type.
 */
public final class MediaEvents {

    /** String: the event type, one of the type names below. */
    public static final String TYPE = "sipeeEvent";
    /** Int: the format version, {@value #VERSION} for what this class describes. */
    public static final String VERSION_PROPERTY = "sipeeEventVersion";
    public static final int VERSION = 2;
    /** String: the SIP Call-ID of the call the stream belongs to. */
    public static final String CALL_ID = "callId";
    /** Int: the stream's local RTP port (tells a call's streams apart). */
    public static final String RTP_PORT = "rtpPort";
    /** Long: when the engine saw it, epoch milliseconds. */
    public static final String EVENT_TIME = "eventTime";

    /** The first RTP packet arrived. Property remoteAddress (String, host:port where RTP goes). */
    public static final String MEDIA_STARTED = "MediaStarted";
    /**
     * The stream was closed. Properties packetsSent, packetsReceived, bytesReceived (Long, final counters) and the
     * stream's final receive quality, the properties of a QualityReport (since version 2, which sends no last
     * QualityReport).
     */
    public static final String MEDIA_STOPPED = "MediaStopped";
    /** An RFC 4733 digit ended. Properties digit (String of one of 0-9 * # A-D), durationMillis (Long). */
    public static final String DTMF_RECEIVED = "DtmfReceived";
    /** Periodic receive quality while RTP arrives (the final one is in MediaStopped). */
    public static final String QUALITY_REPORT = "QualityReport";
    /** The stream failed: reason MediaTimeout (no RTP for timeoutSeconds) or OpenFailed (no stream; message says why). */
    public static final String MEDIA_FAILURE = "MediaFailure";
    /** The call was bridged to another, or unbridged. Properties bridged (Boolean), peerCallId (String). */
    public static final String BRIDGE_CHANGED = "BridgeChanged";
    /** The call joined a conference room. Properties room (String), participants (Int, the room's size after). */
    public static final String CONFERENCE_JOINED = "ConferenceJoined";
    /** The call left a conference room (or its stream closed). Properties room, participants (after). */
    public static final String CONFERENCE_LEFT = "ConferenceLeft";
    /** A conference member started or stopped talking. Properties room, talking (Boolean). */
    public static final String CONFERENCE_TALKING = "ConferenceTalking";
    /** String property of the conference events: the room's name. */
    public static final String ROOM = "room";

    /** MediaFailure reasons. */
    public static final String REASON_MEDIA_TIMEOUT = "MediaTimeout";
    public static final String REASON_OPEN_FAILED = "OpenFailed";

    private MediaEvents() {
    }
}
