package org.sipee.session;

import java.util.concurrent.CompletionStage;

/**
 * Two calls joined by {@link Call#bridge(Call)}: each hears the other, keys pressed on one reach the other as RFC 4733
 * events, and different codecs on the legs (PCMU, PCMA) are transcoded. Hold on one leg does not disturb the other.
 */
public interface CallBridge {

    Call first();

    Call second();

    /** The leg other than {@code call}. */
    Call other(Call call);

    /** Until unbridged, either call ended, or either played something else. */
    boolean isActive();

    /** Ends the bridge: both calls stay up, playing nothing until told otherwise. Idempotent. */
    void unbridge();

    /** Completes once the bridge ended, whatever ended it; continuations run on the first call's worker. */
    CompletionStage<Void> ended();
}
