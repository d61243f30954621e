package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.sipee.sip.dialog.DialogTable;
import org.sipee.sip.transaction.ClientTransactionLayer;
import org.sipee.sip.transaction.SipTimers;
import org.sipee.sip.transaction.TimerScheduler;

/**
 * What a {@link UasCore} needs from the stack that hosts it. {@code transactions} sends our BYE
 * ({@link InboundCall#hangUp()}, and when our 2xx is never ACKed); without it (null) such calls end without BYE.
 */
public record UasSetup(Executor eventLoop, TimerScheduler scheduler, SipTimers timers, UserAgentListener listener,
                       DialogTable dialogs, Supplier<InetSocketAddress> localAddress,
                       ClientTransactionLayer transactions, UaPolicy policy) {

    public UasSetup {
        policy = policy == null ? UaPolicy.DEFAULTS : policy;
    }

    /** With the default {@link UaPolicy}. */
    public UasSetup(Executor eventLoop, TimerScheduler scheduler, SipTimers timers, UserAgentListener listener,
                    DialogTable dialogs, Supplier<InetSocketAddress> localAddress, ClientTransactionLayer transactions) {
        this(eventLoop, scheduler, timers, listener, dialogs, localAddress, transactions, UaPolicy.DEFAULTS);
    }

    /** A UAS that cannot send requests (no client transaction layer). */
    public UasSetup(Executor eventLoop, TimerScheduler scheduler, SipTimers timers, UserAgentListener listener,
                    DialogTable dialogs, Supplier<InetSocketAddress> localAddress) {
        this(eventLoop, scheduler, timers, listener, dialogs, localAddress, null, UaPolicy.DEFAULTS);
    }

    UasContext context() {
        ContactAddress contact = new ContactAddress(localAddress);
        InDialogSender sender = transactions == null ? null : new InDialogSender(transactions);
        return new UasContext(eventLoop, scheduler, timers, listener, dialogs, new CallRegistry(), contact, sender,
                new SessionContext(eventLoop, scheduler, timers, sender, contact, policy));
    }
}
