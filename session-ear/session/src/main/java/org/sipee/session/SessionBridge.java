package org.sipee.session;

import java.util.concurrent.CompletionStage;

import org.sipee.media.MediaBridge;

/** A {@link CallBridge} of two sessions on the engine's {@link MediaBridge}. */
final class SessionBridge implements CallBridge {

    private final BaseSession first;
    private final BaseSession second;
    private final MediaBridge media;

    private SessionBridge(BaseSession first, BaseSession second, MediaBridge media) {
        this.first = first;
        this.second = second;
        this.media = media;
    }

    /** Joins the two sessions' open streams; each remembers the bridge until it ends. */
    static SessionBridge open(BaseSession first, BaseSession second, EngineAccess engine) {
        if (first == second) {
            throw new IllegalArgumentException("cannot bridge call " + first.callId() + " with itself");
        }
        MediaBridge media = engine.apply(c -> c.bridge(first.callId(), first.media.stream(), second.callId(), second.media.stream()));
        SessionBridge bridge = new SessionBridge(first, second, media);
        first.bridged(bridge);
        second.bridged(bridge);
        media.ended().thenRun(() -> {
            first.unbridged(bridge);
            second.unbridged(bridge);
        });
        return bridge;
    }

    @Override public Call first() { return first; }
    @Override public Call second() { return second; }
    @Override public boolean isActive() { return !media.ended().isDone(); }
    @Override public void unbridge() { media.close(); }
    @Override public CompletionStage<Void> ended() { return media.ended().thenRunAsync(() -> { }, first.followUps()); }

    @Override
    public Call other(Call call) {
        if (call == first) {
            return second;
        }
        if (call == second) {
            return first;
        }
        throw new IllegalArgumentException("call " + call.callId() + " is not in " + this);
    }

    @Override
    public String toString() {
        return "CallBridge[" + first.callId() + " <-> " + second.callId() + "]";
    }
}
