package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.sipee.sip.dialog.LocalTags;
import org.sipee.sip.message.SipHeader;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.ServerTransaction;

/** An {@link OutOfDialogRequest} until answered: the one response goes out in its server transaction, on the loop. */
final class IncomingRequest implements OutOfDialogRequest {

    private final UasContext ctx;
    private final SipRequest request;
    private final InetSocketAddress source;
    private final SingleAnswer answer;
    private final String toTag = LocalTags.next();

    IncomingRequest(UasContext ctx, SipRequest request, InetSocketAddress source, ServerTransaction tx) {
        this.ctx = ctx;
        this.request = request;
        this.source = source;
        this.answer = new SingleAnswer(request, tx, toTag);
    }

    @Override public SipRequest request() { return request; }
    @Override public InetSocketAddress source() { return source; }

    /** On the loop, before the listener hears of it. */
    void start() {
        answer.start(ctx.scheduler(), ctx.timers());
    }

    @Override
    public void respond(int status, String reason, Map<String, String> headers) {
        respond(status, reason, headers.entrySet().stream().map(e -> SipHeader.of(e.getKey(), e.getValue())).toList());
    }

    @Override
    public void respond(int status, String reason, List<SipHeader> headerLines) {
        if (status < 200 || status > 699) {
            throw new IllegalArgumentException("a final response is 200..699, was " + status);
        }
        List<SipHeader> headers = List.copyOf(headerLines);
        ctx.execute(() -> {
            SipResponse response = answer.response(status, reason);
            headers.forEach(line -> response.addHeader(line.name(), line.value()));
            if (status < 300 && request.isMethod("OPTIONS")) {
                Capabilities.describe(response);
            }
            answer.send(response);
        });
    }

    @Override
    public void answerByDefault() {
        ctx.execute(() -> answer.send(request.isMethod("OPTIONS") ? Capabilities.optionsOk(request, toTag)
                : Capabilities.methodNotAllowed(request, toTag)));
    }
}
