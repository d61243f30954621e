package org.sipee.media;

import java.util.concurrent.Executor;

/** Facade of the RTP engine: port allocation and RTP streams. (shell: being written) */
public final class MediaEngine implements AutoCloseable {

    /** @param ioExecutor runs each Netty event loop (one long-running task per loop); null for Netty's own threads */
    public static MediaEngine start(MediaConfig config, Executor ioExecutor) {
        throw new IllegalStateException("MediaEngine is being written");
    }

    /** Allocates an even RTP port (and the next odd one for RTCP) and binds it. */
    public RtpStream openStream() {
        throw new IllegalStateException("not started");
    }

    /** Ports currently allocated (two per open stream). */
    public int portsInUse() {
        return 0;
    }

    public int openStreams() {
        return 0;
    }

    /** The address to advertise in SDP c= lines. */
    public String advertisedAddress() {
        throw new IllegalStateException("not started");
    }

    /** Closes every stream, frees every port, stops the event loops and waits for them. */
    @Override
    public void close() {
    }
}
