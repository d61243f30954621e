package org.sipee.session;

/** What a @Dtmf handler receives: the call and the digit (0-9, *, #, A-D). */
public record DtmfReceived(Call call, char digit) {
}
