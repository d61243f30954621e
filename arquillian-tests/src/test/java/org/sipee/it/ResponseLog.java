package org.sipee.it;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.session.CallRecording;
import org.sipee.session.CallResponse;
import org.sipee.session.ErrorResponse;
import org.sipee.session.ProvisionalResponse;
import org.sipee.session.RedirectResponse;
import org.sipee.session.SuccessResponse;

/** Response handlers that note, per Call-ID, which handler heard which status, and record answered calls. */
@ApplicationScoped
public class ResponseLog {

    private final Map<String, List<String>> heard = new ConcurrentHashMap<>();
    private final Map<String, CallResponse> finals = new ConcurrentHashMap<>();
    private final Map<String, CallRecording> recordings = new ConcurrentHashMap<>();

    @ProvisionalResponse
    void provisional(CallResponse response) {
        note("provisional", response);
    }

    @SuccessResponse
    void success(CallResponse response) {
        recordings.put(response.call().callId(), response.call().record(MediaHandlers.recordingFile(response.call().callId())));
        note("success", response);
    }

    @RedirectResponse
    void redirect(CallResponse response) {
        note("redirect", response);
    }

    @ErrorResponse
    void error(CallResponse response) {
        note("error", response);
    }

    private void note(String handler, CallResponse response) {
        if (response.status() >= 200) {
            finals.put(response.call().callId(), response);
        }
        heard.computeIfAbsent(response.call().callId(), id -> new CopyOnWriteArrayList<>()).add(handler + " " + response.status());
    }

    /** E.g. ["provisional 180", "success 200"]. */
    public List<String> heard(String callId) {
        return heard.getOrDefault(callId, List.of());
    }

    public Optional<CallResponse> finalResponse(String callId) {
        return Optional.ofNullable(finals.get(callId));
    }

    public Optional<CallRecording> recording(String callId) {
        return Optional.ofNullable(recordings.get(callId));
    }
}
