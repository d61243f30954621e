package org.sipee.sip.ua;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.ClientTransactionListener;
import org.sipee.sip.transaction.TransactionFailure;

/**
 * Our REFER in a dialog (RFC 3515 §2.4.1) and its implicit subscription: the REFER's final status completes
 * {@link #result()}, the peer's NOTIFYs are reported to the application's consumer until one terminates the
 * subscription; a refusal, a timeout or a 2xx with {@code Refer-Sub: false} (RFC 4488) ends it at once. Used on
 * the event loop.
 */
final class OutgoingRefer implements ClientTransactionListener {

    private final DialogSession session;
    private final Consumer<ReferProgress> progress;
    private final Consumer<OutgoingRefer> onEnded;
    private final CompletableFuture<Integer> result = new CompletableFuture<>();
    private long cseq;

    /** @param onEnded told when no NOTIFY is to be expected any more */
    OutgoingRefer(DialogSession session, Consumer<ReferProgress> progress, Consumer<OutgoingRefer> onEnded) {
        this.session = session;
        this.progress = progress;
        this.onEnded = onEnded;
    }

    /** Sends the REFER with {@code referTo} (a name-addr) in its own transaction. */
    void send(String referTo) {
        SipRequest refer = OutgoingModify.build(session, "REFER");
        refer.addHeader(ReferTo.HEADER, referTo);
        cseq = refer.cseq().number();
        session.ctx().sender().send(session.dialog(), refer, session.fallback(), this);
    }

    CompletableFuture<Integer> result() {
        return result;
    }

    /** The REFER's CSeq number: the id of its subscription's NOTIFYs (§2.4.6). */
    long cseq() {
        return cseq;
    }

    @Override
    public void onResponse(SipResponse response) {
        if (response.isProvisional() || result.isDone()) {
            return;
        }
        String referSub = response.header(IncomingRefer.REFER_SUB);
        if (!response.isSuccess() || (referSub != null && Sipfrag.firstToken(referSub).equalsIgnoreCase("false"))) {
            onEnded.accept(this);
        }
        result.complete(response.status());
    }

    @Override
    public void onFailure(TransactionFailure failure) {
        if (!result.isDone()) {
            onEnded.accept(this);
            result.complete(failure.status());
        }
    }

    /** A NOTIFY of the subscription, already answered 200. */
    void onNotify(ReferProgress reported) {
        if (reported.last()) {
            onEnded.accept(this);
        }
        session.ctx().notify("REFER progress consumer", () -> progress.accept(reported));
    }

}
