package org.sipee.sip.transaction;

import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

/**
 * Matches a response to a client transaction (RFC 3261 §17.1.3): the branch of the top Via and the CSeq
 * method. A CANCEL shares its INVITE's branch but not its method, so they are two transactions.
 */
public record ClientTransactionKey(String branch, String method) {

    public static ClientTransactionKey of(SipRequest request) {
        return new ClientTransactionKey(request.topVia().branch(), request.method());
    }

    /** The key a response belongs to, or null when it has no branch to match by. */
    public static ClientTransactionKey of(SipResponse response) {
        String branch = response.topVia() == null ? null : response.topVia().branch();
        return branch == null || response.cseq() == null ? null : new ClientTransactionKey(branch, response.cseq().method());
    }
}
