package org.sipee.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two files baresip reads from its -f folder: "config" (no sound card, 127.0.0.1 only, the modules the harness
 * relies on) and "accounts" (the one account of {@link BaresipSettings}, with its password in clear, as baresip wants).
 */
final class BaresipConfig {

    private BaresipConfig() {
    }

    /** Writes (or overwrites) config and accounts in dir, an existing folder. */
    static void write(BaresipSettings settings, Path dir) throws IOException {
        Files.writeString(dir.resolve("config"), config(settings, dir));
        Files.writeString(dir.resolve("accounts"), account(settings));
    }

    private static String config(BaresipSettings s, Path dir) {
        return String.join("\n",
                "# written by BaresipConfig.java for one test phone: no sound card, 127.0.0.1 only",
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + s.sipPort(),
                "net_interface 127.0.0.1",          // else the SDP offers eth0's address
                "rtp_ports " + s.rtpFirstPort() + "-" + s.rtpLastPort(),
                "rtcp_mux no",
                "call_local_timeout 120",
                "call_max_calls 4",
                "audio_source ausine," + s.toneHz(),
                "ausrc_srate 48000",                // ausine only makes 48 kHz stereo; baresip resamples to 8 kHz
                "ausrc_channels 2",
                "audio_player aubridge,nowhere",    // a player that needs no device; nothing reads it
                "audio_alert aubridge,nowhere",
                "module_path /usr/lib/baresip/modules",
                "module stdio.so",
                "module g711.so",
                "module aubridge.so",
                "module ausine.so",
                "module sndfile.so",
                "module_tmp account.so",
                "module_app menu.so",
                "snd_path " + dir,
                "statmode_default off",             // no status line redrawn with \r every few ms
                "");
    }

    private static String account(BaresipSettings s) {
        StringBuilder line = new StringBuilder("<" + s.aor() + ">");
        line.append(";regint=").append(s.registerSeconds());
        line.append(";answermode=").append(s.autoAnswer() ? "auto" : "manual");
        if (s.password() != null) {
            line.append(";auth_pass=").append(s.password());
        }
        if (s.server() != null) {
            line.append(";outbound=\"sip:").append(s.server()).append("\"");
        }
        if (s.codecs() != null) {
            line.append(";audio_codecs=").append(s.codecs());
        }
        return line.append("\n").toString();
    }
}
