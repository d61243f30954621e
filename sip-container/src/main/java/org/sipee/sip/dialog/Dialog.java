package org.sipee.sip.dialog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.NameAddress;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.transaction.TransitionTable;

import static org.sipee.sip.dialog.DialogState.CONFIRMED;
import static org.sipee.sip.dialog.DialogState.EARLY;
import static org.sipee.sip.dialog.DialogState.TERMINATED;

/** The UAS side of a dialog (RFC 3261 §12.1.1), used on the event loop. */
public final class Dialog {

    static final TransitionTable<DialogState> TRANSITIONS = TransitionTable.of("dialog", DialogState.class)
            .allow(EARLY, CONFIRMED, TERMINATED) // 2xx sent; call ended before a 2xx
            .allow(CONFIRMED, TERMINATED)        // BYE, no ACK, shutdown
            .build();

    private final DialogId id;
    private final String remoteTarget;
    private final List<String> routeSet;
    private long remoteCSeq;
    private DialogState state;

    private Dialog(DialogId id, String remoteTarget, List<String> routeSet, long remoteCSeq, DialogState state) {
        this.id = id;
        this.remoteTarget = remoteTarget;
        this.routeSet = routeSet;
        this.remoteCSeq = remoteCSeq;
        this.state = state;
    }

    /**
     * §12.1.1: route set from Record-Route in order, remote target from Contact, remote sequence number from CSeq,
     * remote tag from From, local tag ours. A missing or broken Contact leaves the remote target null.
     */
    public static Dialog createUas(SipRequest request, String localTag, DialogState initial) {
        DialogId id = new DialogId(request.callId(), localTag, request.from().tag());
        List<String> routes = new ArrayList<>(request.headerValues(HeaderNames.RECORD_ROUTE));
        return new Dialog(id, remoteTarget(request), Collections.unmodifiableList(routes), request.cseq().number(), initial);
    }

    private static String remoteTarget(SipRequest request) {
        String contact = request.header(HeaderNames.CONTACT);
        try {
            return contact == null ? null : NameAddress.parse(contact, HeaderNames.CONTACT).uri();
        } catch (SipParseException e) {
            return null;
        }
    }

    public DialogId id() {
        return id;
    }

    public DialogState state() {
        return state;
    }

    public String remoteTarget() {
        return remoteTarget;
    }

    public List<String> routeSet() {
        return routeSet;
    }

    public long remoteCSeq() {
        return remoteCSeq;
    }

    public void confirm() {
        state = TRANSITIONS.transition(state, CONFIRMED);
    }

    public void terminate() {
        if (state != TERMINATED) {
            state = TRANSITIONS.transition(state, TERMINATED);
        }
    }

    /**
     * §12.2.2: a request with a CSeq lower than the remote sequence number is out of order (answer 500);
     * otherwise the remote sequence number becomes the request's.
     */
    public boolean acceptRemoteCSeq(long cseq) {
        if (cseq < remoteCSeq) {
            return false;
        }
        remoteCSeq = cseq;
        return true;
    }
}
