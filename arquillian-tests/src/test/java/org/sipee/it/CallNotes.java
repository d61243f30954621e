package org.sipee.it;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.sipee.session.CallScoped;

/** Per-call state of {@link CallScopeHandlers}: what happened in this call; handed to the log when the call's scope ends. */
@CallScoped
public class CallNotes {

    @Inject
    CallNotesLog log;

    private final List<String> notes = new ArrayList<>();
    private String callId;

    public synchronized void note(String callId, String what) {
        this.callId = callId;
        notes.add(what);
    }

    @PreDestroy
    synchronized void callOver() {
        log.keep(callId, List.copyOf(notes));
    }
}
