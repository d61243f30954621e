package org.sipee.sip.ua;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.Map;

import org.sipee.sip.dialog.LocalTags;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.ServerTransaction;
import org.sipee.sip.transaction.TimerScheduler;

/** An {@link OutOfDialogRequest} until answered: the one response goes out in its server transaction, on the loop. */
final class IncomingRequest implements OutOfDialogRequest {

    private static final System.Logger LOG = System.getLogger(IncomingRequest.class.getName());

    private final UasContext ctx;
    private final SipRequest request;
    private final InetSocketAddress source;
    private final ServerTransaction tx;
    private boolean answered;
    private TimerScheduler.Timer deadline;

    IncomingRequest(UasContext ctx, SipRequest request, InetSocketAddress source, ServerTransaction tx) {
        this.ctx = ctx;
        this.request = request;
        this.source = source;
        this.tx = tx;
    }

    @Override public SipRequest request() { return request; }
    @Override public InetSocketAddress source() { return source; }

    /** On the loop, before the listener hears of it. */
    void start() {
        deadline = ctx.scheduler().schedule(this::onDeadline, 32 * ctx.timers().t1());
    }

    @Override
    public void respond(int status, String reason, Map<String, String> headers) {
        if (status < 200 || status > 699) {
            throw new IllegalArgumentException("a final response is 200..699, was " + status);
        }
        ctx.execute(() -> {
            SipResponse response = Responses.create(request, status, reason, LocalTags.next());
            headers.forEach(response::addHeader);
            if (status < 300 && request.isMethod("OPTIONS")) {
                Capabilities.describe(response);
            }
            send(response);
        });
    }

    @Override
    public void answerByDefault() {
        ctx.execute(() -> send(defaultResponse()));
    }

    private SipResponse defaultResponse() {
        return request.isMethod("OPTIONS") ? Capabilities.optionsOk(request, LocalTags.next())
                : Capabilities.methodNotAllowed(request, LocalTags.next());
    }

    private void onDeadline() {
        LOG.log(Level.INFO, "{0} {1} not answered in time: 500", request.method(), request.callId());
        SipResponse response = Responses.create(request, 500, "Server Internal Error", LocalTags.next());
        response.addHeader("Retry-After", "5");
        send(response);
    }

    private void send(SipResponse response) {
        if (answered) {
            LOG.log(Level.INFO, "{0} {1} already answered; {2} ignored", request.method(), request.callId(), response.status());
            return;
        }
        answered = true;
        if (deadline != null) {
            deadline.cancel();
        }
        tx.sendResponse(response);
    }
}
