package org.sipee.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.session.Call;
import org.sipee.session.CallRecording;
import org.sipee.session.IncomingCall;
import org.sipee.session.Invite;

/**
 * sip:voicemail@...: answers, beeps, and records the caller until '#' (then hangs up) or the caller's BYE. A finished
 * message appears atomically as {@code <dir>/<call-id>.wav}; {@code <dir>} is the system property
 * {@code sipee.demo.voicemail.dir}, by default {@code ${jboss.server.data.dir}/sipee-voicemail}. The IVR
 * (sip:ivr@...) hands its callers' choice 2 to {@link #takeMessage(Call)}.
 */
@ApplicationScoped
public class Voicemail {

    private static final Logger LOG = Logger.getLogger(Voicemail.class.getName());
    private static final double BEEP_HZ = 1000;
    private static final Duration BEEP = Duration.ofMillis(400);

    @Invite("sip:voicemail@*")
    void leaveMessage(IncomingCall call) {
        call.ringing();
        call.answer()
                .thenAccept(this::takeMessage)
                .exceptionally(failure -> {
                    LOG.info(() -> "voicemail call " + call.callId() + " not answered: " + failure.getMessage());
                    return null;
                });
    }

    /** Beeps, then records an answered call until '#' or its end, whichever route answered it. */
    public void takeMessage(Call call) {
        call.playTone(BEEP_HZ, BEEP)
                .thenAccept(played -> record(call))
                .exceptionally(failure -> {
                    LOG.info(() -> "voicemail call " + call.callId() + " ended before recording: " + failure.getMessage());
                    return null;
                });
    }

    private void record(Call call) {
        Path dir = directory();
        String name = call.callId().replaceAll("[^A-Za-z0-9._-]", "_");
        CallRecording recording = call.record(dir.resolve(name + ".partial.wav"));
        call.onDtmf(digit -> {
            if (digit == '#') {
                recording.stop();
                call.hangUp();
            }
        });
        recording.finished().thenAccept(length -> publish(recording.file(), dir.resolve(name + ".wav"), length));
    }

    /** Readers never see a half-written message: the finished file is moved into place in one step. */
    private static void publish(Path partial, Path message, Duration length) {
        try {
            Files.move(partial, message, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.info(() -> "voicemail of " + length.toMillis() + " ms saved to " + message);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot save voicemail " + message, e);
        }
    }

    private static Path directory() {
        String configured = System.getProperty("sipee.demo.voicemail.dir");
        Path dir = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")), "sipee-voicemail");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the voicemail directory " + dir, e);
        }
    }
}
