package org.sipee.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

import org.sipee.sip.ua.DialogCall;
import org.sipee.sip.ua.ReferProgress;
import org.sipee.sip.ua.ReferTo;

/**
 * Our REFER to the peer of a call (RFC 3515): blind to a URI, or attended with Replaces naming another call of ours
 * (RFC 3891). The peer's NOTIFYs report how its call to the target goes; the last one decides: 2xx ends the calls we
 * handed over (RFC 5589 §6, §7), anything else leaves them as they were.
 */
final class Transferor {

    private static final Logger LOG = Logger.getLogger(Transferor.class.getName());

    private Transferor() {
    }

    static CompletionStage<Integer> blind(BaseSession call, String target) {
        return refer(call, target, null);
    }

    static CompletionStage<Integer> attended(BaseSession call, BaseSession other) {
        DialogCall otherDialog = other.dialog();
        if (otherDialog == null || otherDialog.replacesValue() == null) {
            throw new IllegalStateException("call " + other.callId() + " has no dialog to be replaced");
        }
        return refer(call, ReferTo.withReplaces(otherDialog.remoteTarget(), otherDialog.replacesValue()), other);
    }

    private static CompletionStage<Integer> refer(BaseSession call, String referTo, BaseSession replaced) {
        DialogCall dialog = call.dialog();
        if (dialog == null) {
            throw new IllegalStateException("call " + call.callId() + " is " + call.state() + ": nothing to transfer");
        }
        CompletableFuture<Integer> outcome = new CompletableFuture<>();
        call.transferring(true);
        dialog.refer(referTo, progress -> {
            if (progress.last()) {
                call.followUps().execute(() -> finished(call, replaced, progress, outcome));
            }
        }).thenAccept(status -> {
            if (status >= 300) { // refused: no NOTIFY will come
                call.followUps().execute(() -> finished(call, replaced, new ReferProgress(status, "REFER refused", true), outcome));
            }
        });
        return outcome;
    }

    private static void finished(BaseSession call, BaseSession replaced, ReferProgress last, CompletableFuture<Integer> outcome) {
        LOG.info(() -> "transfer of " + call.callId() + ": " + last.status() + " " + last.reason());
        if (last.status() >= 200 && last.status() < 300) {
            endIfUp(call);
            if (replaced != null) {
                endIfUp(replaced);
            }
        } else {
            call.transferring(false);
        }
        outcome.complete(last.status());
    }

    private static void endIfUp(BaseSession call) {
        if (!call.state().isTerminal()) {
            call.endCall();
        }
    }
}
