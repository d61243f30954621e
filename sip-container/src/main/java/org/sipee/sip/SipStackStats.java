package org.sipee.sip;

/**
 * A snapshot of what a SIP stack holds and has seen.
 *
 * @param serverTransactions server transactions not yet terminated
 * @param dialogs            dialogs (early or confirmed) not yet terminated
 * @param calls              inbound calls not yet ended
 * @param messagesReceived   SIP messages parsed successfully
 * @param malformedMessages  datagrams that could not be parsed (answered 400 or dropped)
 */
public record SipStackStats(int serverTransactions, int dialogs, int calls,
                            long messagesReceived, long malformedMessages) {
}
