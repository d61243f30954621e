package org.sipee.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.session.Call;
import org.sipee.session.CallRecording;
import org.sipee.session.IncomingCall;
import org.sipee.session.Invite;

/**
 * Handlers for the media tests with SIPp; each records what the caller sends into the SIPp log folder
 * ({@code recordings/<call-id>.wav}, kept for a look after a failure).
 * <ul>
 *   <li>sip:early-echo@: early media (183 with SDP), a 440 Hz tone, records; the test answers when it has heard enough.</li>
 *   <li>sip:hold-media@: answers, plays a 440 Hz tone and records the whole call.</li>
 * </ul>
 */
@ApplicationScoped
public class MediaHandlers {

    private static final Logger LOG = Logger.getLogger(MediaHandlers.class.getName());

    private final Map<String, CallRecording> recordings = new ConcurrentHashMap<>();

    @Invite("sip:early-echo@*")
    void earlyEcho(IncomingCall call) {
        toneAndRecord(call.earlyMedia());
    }

    @Invite("sip:hold-media@*")
    void holdMedia(IncomingCall call) {
        call.ringing();
        toneAndRecord(call.answer());
    }

    /** Once the stream is open; a failure is logged (the test then finds no recording and says so). */
    private void toneAndRecord(CompletionStage<? extends Call> opened) {
        opened.thenAccept(call -> {
            call.playTone(440);
            recordings.put(call.callId(), call.record(recordingFile(call.callId())));
        }).exceptionally(failure -> {
            LOG.log(Level.WARNING, "no tone and recording", failure);
            return null;
        });
    }

    /** The recording of the call, once its handler has started it. */
    public Optional<CallRecording> recording(String callId) {
        return Optional.ofNullable(recordings.get(callId));
    }

    /** Where a test keeps a call's recording: the SIPp log folder, kept for a look after a failure. */
    static Path recordingFile(String callId) {
        try {
            Path dir = Files.createDirectories(SippProcess.logRoot().resolve("recordings"));
            return dir.resolve(callId.replaceAll("[^A-Za-z0-9._-]", "_") + ".wav");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
