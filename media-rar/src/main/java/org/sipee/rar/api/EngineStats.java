package org.sipee.rar.api;

import org.sipee.sip.SipStackStats;

/**
 * Counters of the hosted engine, for tests and monitoring.
 *
 * @param sip            the SIP stack's snapshot (transactions, dialogs, calls, messages)
 * @param rtpPortsInUse  RTP/RTCP ports currently allocated
 * @param rtpStreams     RTP streams currently open
 * @param routedCalls    calls the adapter is still routing to an application
 */
public record EngineStats(SipStackStats sip, int rtpPortsInUse, int rtpStreams, int routedCalls) {
}
