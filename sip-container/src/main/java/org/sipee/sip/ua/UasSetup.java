package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.sipee.sip.dialog.DialogTable;
import org.sipee.sip.transaction.SipTimers;
import org.sipee.sip.transaction.TimerScheduler;

/** What a {@link UasCore} needs from the stack that hosts it. */
public record UasSetup(Executor eventLoop, TimerScheduler scheduler, SipTimers timers, UserAgentListener listener,
                       DialogTable dialogs, Supplier<InetSocketAddress> localAddress) {

    UasContext context() {
        return new UasContext(eventLoop, scheduler, timers, listener, dialogs, new CallRegistry(),
                new ContactAddress(localAddress));
    }
}
