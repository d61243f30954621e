package org.sipee.sip.ua;

/**
 * What the peer reported about a REFER of ours (RFC 3515 §2.4.5): the status line of its NOTIFY's message/sipfrag
 * body, e.g. 100 Trying, 180 Ringing, 200 OK; {@code last} when the NOTIFY ended the subscription
 * (Subscription-State: terminated), after which no more come.
 */
public record ReferProgress(int status, String reason, boolean last) {
}
