package org.sipee.sip;

import java.util.Map;

import org.sipee.sip.overload.ShedReason;

/**
 * A snapshot of what a SIP stack holds and has seen.
 *
 * @param serverTransactions server transactions not yet terminated
 * @param clientTransactions client transactions not yet terminated
 * @param dialogs            dialogs (early or confirmed) not yet terminated
 * @param calls              inbound and outbound calls not yet ended
 * @param messagesReceived   SIP messages parsed successfully (all transports)
 * @param malformedMessages  messages that could not be parsed or framed (answered 400/413, dropped, or their
 *                           connection closed)
 * @param connections        open TCP connections, inbound and outbound
 * @param refused            new requests answered 503 instead of being served, by reason
 * @param shedding           whether new requests are being shed for the work backlog now
 */
public record SipStackStats(int serverTransactions, int clientTransactions, int dialogs, int calls,
                            long messagesReceived, long malformedMessages, int connections,
                            Map<ShedReason, Long> refused, boolean shedding) {
}
