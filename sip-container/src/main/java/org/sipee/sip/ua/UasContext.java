package org.sipee.sip.ua;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.sipee.sip.dialog.DialogTable;
import org.sipee.sip.transaction.SipTimers;
import org.sipee.sip.transaction.TimerScheduler;

/**
 * What the calls of one UAS share: the event loop, timers, the listener, the tables, and the sender of our
 * in-dialog requests (null when the stack has no client transactions).
 */
record UasContext(Executor eventLoop, TimerScheduler scheduler, SipTimers timers, UserAgentListener listener,
                  DialogTable dialogs, CallRegistry calls, ContactAddress contact, InDialogSender sender,
                  SessionContext sessions) {

    private static final System.Logger LOG = System.getLogger(UasContext.class.getName());

    /** Queues work on the event loop; after shutdown the work is dropped. */
    void execute(Runnable task) {
        try {
            eventLoop.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "stack is shut down; call operation dropped");
        }
    }

    /** Calls the listener; an exception from the application is logged, never thrown into the stack. */
    void notifyListener(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "UserAgentListener." + what + " threw", e);
        }
    }
}
