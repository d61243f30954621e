package org.sipee.sip.ua;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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

    /** The session requests go to: the confirmed dialog's, else an early one's; null when there is no dialog. */
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

    private CompletionStage<ReinviteResult> offer(String method, String sdp) {
        CompletableFuture<ReinviteResult> result = new CompletableFuture<>();
        sessions.execute(() -> {
            DialogSession session = session();
            if (session == null || sessions.sender() == null) {
                result.complete(new ReinviteResult(481, "Call/Transaction Does Not Exist", null));
            } else {
                session.offer(method, sdp).thenAccept(result::complete);
            }
        });
        return result;
    }

    private CompletionStage<Integer> request(String method, String contentType, String body) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        sessions.execute(() -> {
            DialogSession session = session();
            if (session == null || sessions.sender() == null) {
                result.complete(481);
            } else {
                session.request(method, contentType, body).thenAccept(result::complete);
            }
        });
        return result;
    }
}
