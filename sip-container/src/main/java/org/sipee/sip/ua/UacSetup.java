package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.sipee.sip.dialog.DialogTable;
import org.sipee.sip.transaction.ClientTransactionLayer;
import org.sipee.sip.transaction.SipTimers;
import org.sipee.sip.transaction.TimerScheduler;

/**
 * What a {@link UserAgent} needs from the stack that hosts it. {@code dialogs} must be the table the
 * {@link UasCore} matches in-dialog requests against, so that the callee's BYE reaches our outbound call.
 */
public record UacSetup(Executor eventLoop, TimerScheduler scheduler, SipTimers timers,
                       ClientTransactionLayer transactions, DialogTable dialogs, Supplier<InetSocketAddress> localAddress,
                       UaPolicy policy) {

    public UacSetup {
        policy = policy == null ? UaPolicy.DEFAULTS : policy;
    }

    /** With the default {@link UaPolicy}. */
    public UacSetup(Executor eventLoop, TimerScheduler scheduler, SipTimers timers, ClientTransactionLayer transactions,
                    DialogTable dialogs, Supplier<InetSocketAddress> localAddress) {
        this(eventLoop, scheduler, timers, transactions, dialogs, localAddress, UaPolicy.DEFAULTS);
    }
}
