package org.sipee.it;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start one {@link Baresip} phone. {@code server} (host:port over UDP) is the outbound proxy every request goes
 * to (baresip puts it in a Route header, the Request-URI keeps 127.0.0.1); without it the phone only dials URIs
 * directly. {@code registerSeconds} 0 means no REGISTER. {@code codecs} is baresip's audio_codecs list ("pcma",
 * "pcmu,pcma") or null for PCMU then PCMA. {@code lifetime} is baresip's own -t: it quits by itself even if this JVM
 * dies.
 */
public record BaresipSettings(String user, String password, String server, int registerSeconds, int sipPort,
        int rtpFirstPort, int rtpLastPort, int toneHz, boolean autoAnswer, String codecs, Path folder,
        Duration lifetime) {

    /**
     * A phone sip:USER@127.0.0.1 listening on 127.0.0.1:sipPort, RTP on the 10 ports from rtpFirstPort. baresip
     * binds UDP and TCP on sipPort and TLS (TCP) on sipPort + 1: phones need SIP ports at least 2 apart.
     */
    public static BaresipSettings peer(String user, int sipPort, int rtpFirstPort, Path folder) {
        return new BaresipSettings(user, null, null, 0, sipPort, rtpFirstPort, rtpFirstPort + 9, 440, true, null,
                folder, Duration.ofMinutes(5));
    }

    /** Registers (every registerSeconds) at server with this password, and answers its challenges with it. */
    public BaresipSettings registeringAt(String server, String password, int registerSeconds) {
        return new BaresipSettings(user, password, server, registerSeconds, sipPort, rtpFirstPort, rtpLastPort,
                toneHz, autoAnswer, codecs, folder, lifetime);
    }

    /** Sends every request to server, answering challenges with password, without registering. */
    public BaresipSettings through(String server, String password) {
        return registeringAt(server, password, 0);
    }

    public BaresipSettings tone(int hz) {
        return new BaresipSettings(user, password, server, registerSeconds, sipPort, rtpFirstPort, rtpLastPort, hz,
                autoAnswer, codecs, folder, lifetime);
    }

    /** Incoming calls ring until {@link Baresip#answer()} (the default answers at once). */
    public BaresipSettings manualAnswer() {
        return new BaresipSettings(user, password, server, registerSeconds, sipPort, rtpFirstPort, rtpLastPort,
                toneHz, false, codecs, folder, lifetime);
    }

    public BaresipSettings codecs(String audioCodecs) {
        return new BaresipSettings(user, password, server, registerSeconds, sipPort, rtpFirstPort, rtpLastPort,
                toneHz, autoAnswer, audioCodecs, folder, lifetime);
    }

    public BaresipSettings lifetime(Duration processLifetime) {
        return new BaresipSettings(user, password, server, registerSeconds, sipPort, rtpFirstPort, rtpLastPort,
                toneHz, autoAnswer, codecs, folder, processLifetime);
    }

    public String aor() {
        return "sip:" + user + "@127.0.0.1";
    }

    /** Never the password: settings end up in assertion messages. */
    @Override
    public String toString() {
        return aor() + " on 127.0.0.1:" + sipPort + ", RTP " + rtpFirstPort + "-" + rtpLastPort + ", tone "
                + toneHz + " Hz" + (server == null ? "" : ", via " + server)
                + (registerSeconds > 0 ? ", registering every " + registerSeconds + " s" : "")
                + (password == null ? "" : ", with a password") + (autoAnswer ? ", auto-answer" : "");
    }
}
