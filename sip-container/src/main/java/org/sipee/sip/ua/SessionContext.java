package org.sipee.sip.ua;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.sipee.sip.transaction.SipTimers;
import org.sipee.sip.transaction.TimerScheduler;

/** What the dialog sessions of one UA share (both cores); used on the event loop. */
record SessionContext(Executor eventLoop, TimerScheduler scheduler, SipTimers timers, InDialogSender sender,
                      ContactAddress contact, UaPolicy policy) {

    private static final System.Logger LOG = System.getLogger(SessionContext.class.getName());

    void execute(Runnable task) {
        try {
            eventLoop.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "stack is shut down; dialog operation dropped");
        }
    }

    /** Runs application code; an exception is logged, never thrown into the stack. */
    void notify(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, what + " threw", e);
        }
    }
}
