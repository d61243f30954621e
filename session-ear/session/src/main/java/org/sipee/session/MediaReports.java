package org.sipee.session;

import java.util.Optional;

/** What the adapter's media events told the session about its call: RTP has arrived, the latest quality. */
final class MediaReports {

    private volatile boolean started;
    private volatile MediaQuality quality;

    void started() {
        started = true;
    }

    boolean isStarted() {
        return started;
    }

    void quality(MediaQuality latest) {
        quality = latest;
        started = true; // a report says packets arrived, even if MediaStarted was missed
    }

    Optional<MediaQuality> quality() {
        return Optional.ofNullable(quality);
    }
}
