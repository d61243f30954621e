package org.sipee.sip.dialog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.NameAddress;
import org.sipee.sip.message.SipMessage;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.TransitionTable;

import static org.sipee.sip.dialog.DialogState.CONFIRMED;
import static org.sipee.sip.dialog.DialogState.EARLY;
import static org.sipee.sip.dialog.DialogState.TERMINATED;

/**
 * The state of one dialog (RFC 3261 §12), on either side; used on the event loop (its state and remote target may
 * be read from any thread). Requests we send inside it are built by {@link DialogRequests} (§12.2.1.1).
 */
public final class Dialog {

    static final TransitionTable<DialogState> TRANSITIONS = TransitionTable.of("dialog", DialogState.class)
            .allow(EARLY, CONFIRMED, TERMINATED) // 2xx; non-2xx final, BYE, CANCEL, end of the INVITE transaction
            .allow(CONFIRMED, TERMINATED)        // BYE, no ACK, shutdown
            .build();

    /** The remote sequence number is empty until the peer sends a request in the dialog (§12.1.2). */
    static final long EMPTY = -1;

    private final DialogId id;
    private final String localParty;
    private final String remoteParty;
    private final boolean uac;
    private volatile String remoteTarget;
    private List<String> routeSet;
    private long localCSeq;
    private long remoteCSeq;
    private volatile DialogState state;
    private DialogListener listener = DialogListener.NONE;

    private Dialog(DialogId id, boolean uac, String localParty, String remoteParty, long localCSeq, long remoteCSeq,
                   DialogState state) {
        this.id = id;
        this.uac = uac;
        this.localParty = localParty;
        this.remoteParty = remoteParty;
        this.localCSeq = localCSeq;
        this.remoteCSeq = remoteCSeq;
        this.state = state;
    }

    /**
     * UAS side, §12.1.1: route set from Record-Route in order, remote target from Contact, remote sequence number
     * from CSeq, remote tag from From, local tag ours; our local sequence number starts at 1 (§8.1.1.5).
     * A missing or broken Contact leaves the remote target null.
     */
    public static Dialog createUas(SipRequest request, String localTag, DialogState initial) {
        DialogId id = new DialogId(request.callId(), localTag, request.from().tag());
        String local = NameAddress.withTag(request.header(HeaderNames.TO), localTag);
        Dialog dialog = new Dialog(id, false, local, request.header(HeaderNames.FROM), 0, request.cseq().number(),
                initial);
        dialog.routeSet = Collections.unmodifiableList(new ArrayList<>(request.headerValues(HeaderNames.RECORD_ROUTE)));
        dialog.remoteTarget = contactUri(request);
        return dialog;
    }

    /**
     * UAC side, §12.1.2, from a 1xx or 2xx with a To tag: route set from Record-Route in reverse order, remote
     * target from Contact, local sequence number from the INVITE's CSeq, remote sequence number empty.
     */
    public static Dialog createUac(SipRequest invite, SipResponse response, DialogState initial) {
        DialogId id = new DialogId(invite.callId(), invite.from().tag(), response.to().tag());
        Dialog dialog = new Dialog(id, true, invite.header(HeaderNames.FROM), response.header(HeaderNames.TO),
                invite.cseq().number(), EMPTY, initial);
        dialog.updateFromResponse(response);
        return dialog;
    }

    private void updateFromResponse(SipResponse response) {
        List<String> routes = new ArrayList<>(response.headerValues(HeaderNames.RECORD_ROUTE));
        Collections.reverse(routes);
        routeSet = Collections.unmodifiableList(routes);
        String contact = contactUri(response);
        if (contact != null) {
            remoteTarget = contact;
        }
    }

    private static String contactUri(SipMessage message) {
        String contact = message.header(HeaderNames.CONTACT);
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

    /** Whether we sent the INVITE that created the dialog (§12.1.2), rather than answered it (§12.1.1). */
    public boolean isUac() {
        return uac;
    }

    /** Our From (UAC) or To (UAS) header value, with our tag (§12.2.1.1: From of our requests). */
    public String localParty() {
        return localParty;
    }

    /** The peer's header value, with its tag (§12.2.1.1: To of our requests). */
    public String remoteParty() {
        return remoteParty;
    }

    /** The peer's Contact URI, or null when it sent none we could parse. */
    public String remoteTarget() {
        return remoteTarget;
    }

    public List<String> routeSet() {
        return routeSet;
    }

    public long remoteCSeq() {
        return remoteCSeq;
    }

    public long localCSeq() {
        return localCSeq;
    }

    /** §12.2.1.1: the local sequence number is incremented by one for each request we send in the dialog. */
    public long nextLocalCSeq() {
        return ++localCSeq;
    }

    /** UAS side: our 2xx confirms the dialog. */
    public void confirm() {
        state = TRANSITIONS.transition(state, CONFIRMED);
    }

    /** UAC side, §13.2.2.4: a 2xx confirms the dialog; route set and remote target are taken from it again. */
    public void confirm(SipResponse ok) {
        updateFromResponse(ok);
        confirm();
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
        if (remoteCSeq != EMPTY && cseq < remoteCSeq) {
            return false;
        }
        remoteCSeq = cseq;
        return true;
    }

    /**
     * A target refresh request (re-INVITE, UPDATE) from the peer, or the 2xx to ours, replaces the remote target by
     * its Contact (§12.2.2, §12.2.1.2, RFC 3311 §5.2); a message without usable Contact changes nothing.
     */
    public void refreshTarget(SipMessage message) {
        String contact = contactUri(message);
        if (contact != null) {
            remoteTarget = contact;
        }
    }

    public DialogListener listener() {
        return listener;
    }

    /** Who is told when the peer ends the dialog (the call that owns it). */
    public void listener(DialogListener newListener) {
        listener = newListener == null ? DialogListener.NONE : newListener;
    }

    /** The peer sent BYE and it was answered 200 (§15.1.2): tells the listener. */
    public void byeReceived() {
        listener.onByeReceived(this);
    }
}
