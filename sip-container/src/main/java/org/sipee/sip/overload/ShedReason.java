package org.sipee.sip.overload;

/** Why a request was refused, with the setting that decides it (named in the log line). */
public enum ShedReason {
    /** The work backlog passed overloadBacklog. */
    BACKLOG("overloadBacklog"),
    /** The SIP event loop runs what is due later than overloadLagMillis. */
    LOOP_LAG("overloadLagMillis"),
    /** maxCalls calls are up. */
    CALLS("maxCalls"),
    /** No RTP/RTCP port pair is free. */
    MEDIA_PORTS("rtpPortMin/rtpPortMax"),
    /** The source sent more than floodRequests within floodWindowSeconds and is banned. */
    FLOOD("floodRequests/floodWindowSeconds/floodBanSeconds");

    private final String setting;

    ShedReason(String setting) {
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
