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
                       ClientTransactionLayer transactions) {

    /** A UAS that cannot send requests (no client transaction layer). */
    public UasSetup(Executor eventLoop, TimerScheduler scheduler, SipTimers timers, UserAgentListener listener,
                    DialogTable dialogs, Supplier<InetSocketAddress> localAddress) {
        this(eventLoop, scheduler, timers, listener, dialogs, localAddress, null);
    }

    UasContext context() {
        return new UasContext(eventLoop, scheduler, timers, listener, dialogs, new CallRegistry(),
                new ContactAddress(localAddress), transactions == null ? null : new InDialogSender(transactions));
    }
}
