package org.sipee.sip.sipp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.OutboundCall;
import org.sipee.sip.ua.OutboundCallListener;

/** What the stack reports about one outbound call, as futures a test can wait on with a deadline. */
final class CallEvents implements OutboundCallListener {

    final List<String> provisionals = new CopyOnWriteArrayList<>();
    final CompletableFuture<String> answered = new CompletableFuture<>();
    final CompletableFuture<String> failed = new CompletableFuture<>();
    final CompletableFuture<CallEndReason> ended = new CompletableFuture<>();
    private final List<String> all = new CopyOnWriteArrayList<>();

    @Override
    public void onProvisional(OutboundCall call, int status, String reason, String sdp) {
        provisionals.add(status + " " + reason);
        all.add("provisional " + status);
    }

    @Override
    public void onAnswered(OutboundCall call, String sdp) {
        all.add("answered");
        answered.complete(sdp);
    }

    @Override
    public void onFailed(OutboundCall call, int status, String reason) {
        all.add("failed " + status);
        failed.complete(status + " " + reason);
        answered.completeExceptionally(new AssertionError("call failed: " + status + " " + reason));
    }

    @Override
    public void onEnded(OutboundCall call, CallEndReason reason) {
        all.add("ended " + reason);
        ended.complete(reason);
    }

    /** Every event in order: "provisional 180", "answered", "failed 486", "ended LOCAL_BYE". */
    List<String> all() {
        return List.copyOf(all);
    }
}
