package org.sipee.sip.ua;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.sipee.sip.message.NameAddress;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.transaction.ServerTransaction;

/**
 * The REFERs of one dialog, both ways (RFC 3515): the peer's, each checked (§2.4.1) and handed to the application
 * as an {@link IncomingRefer}; ours ({@link OutgoingRefer}), whose subscriptions take the peer's NOTIFYs of the
 * refer event. Used on the event loop.
 */
final class DialogRefers {

    private static final String EVENT = "Event";

    private final DialogSession session;
    /** Ours whose subscription may still get NOTIFYs, oldest first. */
    private final List<OutgoingRefer> subscriptions = new ArrayList<>();
    private int received;

    DialogRefers(DialogSession session) {
        this.session = session;
    }

    /** §2.4.1: exactly one Refer-To with a URI, else 400; the REFER then goes to the application. */
    void onRefer(SipRequest request, ServerTransaction tx) {
        received++;
        List<String> referTo = request.headerValues(ReferTo.HEADER);
        String target = referTo.size() == 1 ? uriOf(referTo.get(0)) : null;
        if (target == null) {
            tx.sendResponse(Responses.create(request, 400, "Bad Request (exactly one Refer-To needed)", null));
            return;
        }
        IncomingRefer refer = new IncomingRefer(session, request, tx, target, received == 1);
        refer.start();
        session.owner().deliverRefer(refer);
    }

    /**
     * A NOTIFY: 481 unless it is of the refer event and belongs to a subscription of ours (RFC 6665 §4.1.3), 400
     * when its sipfrag body or Subscription-State is missing or malformed, else 200 and the progress reported.
     */
    void onNotify(SipRequest request, ServerTransaction tx) {
        OutgoingRefer refer = subscriptionOf(request.header(EVENT));
        if (refer == null) {
            tx.sendResponse(Responses.create(request, 481, "Subscription Does Not Exist", null));
            return;
        }
        ReferProgress progress;
        try {
            progress = Sipfrag.progress(request);
        } catch (IllegalArgumentException e) {
            tx.sendResponse(Responses.create(request, 400, "Bad Request (" + e.getMessage() + ")", null));
            return;
        }
        tx.sendResponse(Responses.create(request, 200, "OK", null));
        refer.onNotify(progress);
    }

    /** Sends our REFER; completes with its final status. */
    CompletableFuture<Integer> send(String referTo, Consumer<ReferProgress> progress) {
        OutgoingRefer refer = new OutgoingRefer(session, progress, subscriptions::remove);
        subscriptions.add(refer);
        refer.send(referTo);
        return refer.result();
    }

    /** §2.4.6: by the Event's id (the REFER's CSeq number) when it has one, else our latest REFER. */
    private OutgoingRefer subscriptionOf(String event) {
        if (event == null || !Sipfrag.firstToken(event).equalsIgnoreCase("refer")) {
            return null;
        }
        String id = idOf(event);
        if (id == null) {
            return subscriptions.isEmpty() ? null : subscriptions.get(subscriptions.size() - 1);
        }
        return subscriptions.stream().filter(refer -> Long.toString(refer.cseq()).equals(id)).findFirst().orElse(null);
    }

    private static String idOf(String event) {
        String[] params = event.split(";");
        for (int i = 1; i < params.length; i++) {
            String[] nameValue = params[i].split("=", 2);
            if (nameValue.length == 2 && nameValue[0].trim().toLowerCase(Locale.ROOT).equals("id")) {
                return nameValue[1].trim();
            }
        }
        return null;
    }

    private static String uriOf(String referTo) {
        try {
            return NameAddress.parse(referTo, ReferTo.HEADER).uri();
        } catch (SipParseException e) {
            return null;
        }
    }
}
