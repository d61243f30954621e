package org.sipee.sip.ua;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

import org.sipee.sip.dialog.DialogState;

/**
 * What inbound and outbound calls share: the {@link DialogCall} requests, run on the event loop against the call's
 * current {@link DialogSession} (481 when there is none).
 */
abstract class SessionCall implements DialogCall, SessionOwner {

    private final SessionContext sessions;

    SessionCall(SessionContext sessions) {
        this.sessions = sessions;
    }

    SessionContext sessions() {
        return sessions;
    }

    /**
     * The session requests go to: the confirmed dialog's, else an early one's; null when there is no dialog.
     * Readable from any thread.
     */
    abstract DialogSession session();

    @Override
    public CompletionStage<ReinviteResult> reinvite(String sdp) {
        return offer("INVITE", sdp);
    }

    @Override
    public CompletionStage<ReinviteResult> update(String sdp) {
        return offer("UPDATE", sdp);
    }

    @Override
    public CompletionStage<Integer> sendInfo(String contentType, String body) {
        return request("INFO", contentType, body);
    }

    @Override
    public CompletionStage<Integer> sendMessage(String contentType, String body) {
        return request("MESSAGE", contentType, body);
    }

    @Override
    public CompletionStage<Integer> sendOptions() {
        return request("OPTIONS", null, null);
    }

    @Override
    public CompletionStage<Integer> refer(String referTo, Consumer<ReferProgress> progress) {
        String target = OutboundInvite.nameAddr(referTo, ReferTo.HEADER);
        Consumer<ReferProgress> consumer = progress != null ? progress : reported -> { };
        return inSession(session -> session.refers().send(target, consumer), 481);
    }

    @Override
    public String replacesValue() {
        DialogSession session = liveSession();
        return session == null ? null : Replaces.naming(session.dialog().id());
    }

    @Override
    public String remoteTarget() {
        DialogSession session = liveSession();
        return session == null ? null : session.dialog().remoteTarget();
    }

    private DialogSession liveSession() {
        DialogSession session = session();
        return session == null || session.dialog().state() == DialogState.TERMINATED ? null : session;
    }

    private CompletionStage<ReinviteResult> offer(String method, String sdp) {
        return inSession(session -> session.offer(method, sdp),
                new ReinviteResult(481, "Call/Transaction Does Not Exist", null));
    }

    private CompletionStage<Integer> request(String method, String contentType, String body) {
        return inSession(session -> session.request(method, contentType, body), 481);
    }

    /** Runs {@code work} on the loop against the current session; completes with {@code noDialog} without one. */
    private <T> CompletionStage<T> inSession(Function<DialogSession, CompletableFuture<T>> work, T noDialog) {
        CompletableFuture<T> result = new CompletableFuture<>();
        sessions.execute(() -> {
            DialogSession session = session();
            if (session == null || sessions.sender() == null || !session.usable()) {
                result.complete(noDialog);
            } else {
                work.apply(session).thenAccept(result::complete);
            }
        });
        return result;
    }
}
