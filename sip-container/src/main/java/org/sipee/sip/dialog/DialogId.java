package org.sipee.sip.dialog;

/** Dialog identifier (RFC 3261 §12): Call-ID, local tag, remote tag. */
public record DialogId(String callId, String localTag, String remoteTag) {
}
