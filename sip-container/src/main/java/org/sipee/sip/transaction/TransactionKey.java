package org.sipee.sip.transaction;

import java.util.Locale;

import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.Via;

/**
 * Identifies a server transaction (RFC 3261 §17.2.3): top-Via branch and sent-by plus the method,
 * where ACK counts as INVITE. For RFC 2543 peers (branch without magic cookie) the branch is replaced by
 * Call-ID, From tag and CSeq number, a simplification of the RFC 2543 rules that ignores the To tag.
 */
public record TransactionKey(String branch, String sentBy, String method) {

    public static TransactionKey of(SipRequest request) {
        Via via = request.topVia();
        String method = request.isMethod("ACK") ? "INVITE" : request.method();
        String sentBy = via.sentBy().toLowerCase(Locale.ROOT);
        if (via.hasMagicCookie()) {
            return new TransactionKey(via.branch(), sentBy, method);
        }
        String legacy = "rfc2543:" + request.callId() + ':' + request.from().tag() + ':' + request.cseq().number()
                + ':' + via.branch();
        return new TransactionKey(legacy, sentBy, method);
    }

    /** The key of the INVITE transaction a CANCEL with this key refers to (§9.2). */
    public TransactionKey forMethod(String otherMethod) {
        return new TransactionKey(branch, sentBy, otherMethod);
    }
}
