package org.sipee.sip.ua;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.sipee.sip.dialog.Dialog;
import org.sipee.sip.dialog.LocalTags;
import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.ReasonPhrases;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.InviteServerTransaction;
import org.sipee.sip.transaction.ServerTransaction;
import org.sipee.sip.transaction.TransactionUser;

/**
 * The UAS core (RFC 3261 §8.2): inspects each new request, answers what it can itself
 * (in-dialog OPTIONS, BYE, CANCEL, errors), turns an INVITE outside a dialog into an {@link InboundCall} (once its
 * Replaces, if any, names a dialog it may replace: RFC 3891 §3) and hands
 * OPTIONS and REGISTER outside a dialog to the application as an {@link OutOfDialogRequest}.
 * Runs on the event loop.
 */
public final class UasCore implements TransactionUser {

    private static final System.Logger LOG = System.getLogger(UasCore.class.getName());

    private final UasContext ctx;

    public UasCore(UasSetup setup) {
        this.ctx = setup.context();
    }

    @Override
    public void onNewRequest(SipRequest request, InetSocketAddress source, ServerTransaction transaction) {
        String method = request.method();
        String scheme = request.requestUriScheme();
        if (!scheme.equals("sip") && !scheme.equals("sips")) { // §8.2.2.1, before the method (§8.2.1)
            transaction.sendResponse(response(request, 416, "Unsupported URI Scheme"));
            return;
        }
        if (!Capabilities.isImplemented(method)) { // §8.2.1
            boolean recognised = Capabilities.isRecognised(method);
            SipResponse response = response(request, recognised ? 405 : 501,
                    recognised ? "Method Not Allowed" : "Not Implemented");
            response.addHeader(HeaderNames.ALLOW, Capabilities.ALLOW);
            transaction.sendResponse(response);
            return;
        }
        List<String> unsupported = Capabilities.unsupportedRequirements(request);
        if (!unsupported.isEmpty()) { // §8.2.2.3
            SipResponse response = response(request, 420, "Bad Extension");
            response.addHeader(HeaderNames.UNSUPPORTED, String.join(", ", unsupported));
            transaction.sendResponse(response);
            return;
        }
        if (!Capabilities.acceptsBody(request)) { // §8.2.3
            SipResponse response = response(request, 415, "Unsupported Media Type");
            response.addHeader(HeaderNames.ACCEPT, Bodies.SDP);
            transaction.sendResponse(response);
            return;
        }
        if (request.to().tag() != null) {
            inDialog(request, transaction);
        } else if (method.equals("INVITE")) {
            newCall(request, source, (InviteServerTransaction) transaction);
        } else if (method.equals("OPTIONS") || method.equals("REGISTER")) {
            toApplication(new IncomingRequest(ctx, request, source, transaction));
        } else if (method.equals("REFER")) { // RFC 3515 §2.4.2: we take REFER only inside a call's dialog
            transaction.sendResponse(response(request, 403, "Forbidden"));
        } else { // BYE, UPDATE, PRACK, INFO, MESSAGE, NOTIFY outside any dialog
            transaction.sendResponse(response(request, 481, "Call/Transaction Does Not Exist"));
        }
    }

    /** §12.2.2: unknown dialog 481, CSeq lower than the remote sequence number 500. */
    private void inDialog(SipRequest request, ServerTransaction transaction) {
        Dialog dialog = ctx.dialogs().match(request);
        if (dialog == null) {
            transaction.sendResponse(response(request, 481, "Call/Transaction Does Not Exist"));
            return;
        }
        if (!dialog.acceptRemoteCSeq(request.cseq().number())) {
            transaction.sendResponse(response(request, 500, "Server Internal Error"));
            return;
        }
        switch (request.method()) {
            case "BYE" -> { // §15.1.2: the call owning the dialog (inbound or outbound) ends
                transaction.sendResponse(response(request, 200, "OK"));
                dialog.byeReceived();
            }
            case "OPTIONS" -> transaction.sendResponse(Capabilities.optionsOk(request, LocalTags.next())); // §11.2
            // re-INVITE, UPDATE, PRACK, INFO, MESSAGE, REFER, NOTIFY: the call owning the dialog answers
            default -> dialog.listener().onRequest(dialog, request, transaction);
        }
    }

    private void newCall(SipRequest invite, InetSocketAddress source, InviteServerTransaction transaction) {
        int replacesRefusal = Replaces.refusal(invite, ctx.dialogs());
        if (replacesRefusal != 0) { // RFC 3891 §3
            transaction.sendResponse(response(invite, replacesRefusal, ReasonPhrases.of(replacesRefusal)));
            return;
        }
        long minSE = SessionTimer.tooSmall(ctx.sessions().policy(), invite);
        if (minSE > 0) { // RFC 4028 §8.1
            SipResponse response = response(invite, 422, "Session Interval Too Small");
            response.addHeader(SessionExpires.MIN_SE, Long.toString(minSE));
            transaction.sendResponse(response);
            return;
        }
        ServerCall call = new ServerCall(ctx, invite, source, transaction, LocalTags.next());
        ctx.calls().add(call);
        try {
            ctx.listener().onInvite(call);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "UserAgentListener.onInvite threw; answering 500", e);
            call.rejectNow(500, "Server Internal Error", List.of());
        }
    }

    /** OPTIONS and REGISTER outside a dialog: the application may answer them (by default, §11.2 and 405). */
    private void toApplication(IncomingRequest request) {
        request.start();
        try {
            ctx.listener().onRequest(request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "UserAgentListener.onRequest threw; answering 500", e);
            request.respond(500, "Server Internal Error", Map.of());
        }
    }

    /** §9.2: 200 for a CANCEL that matches, then 487 for the INVITE if it has no final response yet. */
    @Override
    public void onCancel(SipRequest cancel, ServerTransaction cancelTransaction, InviteServerTransaction invite) {
        if (invite == null) {
            cancelTransaction.sendResponse(response(cancel, 481, "Call/Transaction Does Not Exist"));
            return;
        }
        ServerCall call = ctx.calls().byInvite(invite.key());
        String tag = call != null ? call.localTag() : LocalTags.next();
        cancelTransaction.sendResponse(Responses.create(cancel, 200, "OK", tag));
        if (call != null && call.isOffered()) {
            call.onCancel();
        }
    }

    /** The ACK for a 2xx arrives in its own transaction and is matched to the dialog (§13.3.1.4). */
    @Override
    public void onAck(SipRequest ack, InetSocketAddress source) {
        Dialog dialog = ctx.dialogs().match(ack);
        if (dialog != null) {
            dialog.listener().onAck(dialog, ack);
        }
    }

    /** Ends every live call with SHUTDOWN (stack close). */
    public void shutdown() {
        ctx.calls().all().forEach(call -> call.end(CallEndReason.SHUTDOWN));
    }

    public int liveCalls() {
        return ctx.calls().size();
    }

    /** §8.2.6.2: a response to a request without To tag gets one. */
    private static SipResponse response(SipRequest request, int status, String reason) {
        return Responses.create(request, status, reason, LocalTags.next());
    }
}
