package org.sipee.sip.ua;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * What the outbound calls and registrations of one {@link UserAgent} share: the setup, the dialog sender, the live
 * calls and registrations.
 */
record UacContext(UacSetup setup, InDialogSender sender, Set<ClientCall> calls, SessionContext sessions,
                  Set<ClientRegistration> registrations) {

    private static final System.Logger LOG = System.getLogger(UacContext.class.getName());

    UacContext(UacSetup setup) {
        this(setup, new InDialogSender(setup.transactions()), ConcurrentHashMap.newKeySet(), sessions(setup),
                ConcurrentHashMap.newKeySet());
    }

    private static SessionContext sessions(UacSetup setup) {
        return new SessionContext(setup.eventLoop(), setup.scheduler(), setup.timers(),
                new InDialogSender(setup.transactions()), new ContactAddress(setup.localAddress()), setup.policy());
    }

    /** Queues work on the event loop; after shutdown the work is dropped. */
    void execute(Runnable task) {
        try {
            setup.eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "stack is shut down; operation dropped");
        }
    }

    /** Calls the listener; an exception from the application is logged, never thrown into the stack. */
    void notifyListener(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "listener " + what + " threw", e);
        }
    }
}
