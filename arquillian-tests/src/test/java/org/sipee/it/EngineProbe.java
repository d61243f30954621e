package org.sipee.it;

import java.time.Duration;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.resource.ResourceException;

import org.sipee.rar.api.EngineStats;
import org.sipee.rar.api.SipConnection;
import org.sipee.rar.api.SipConnectionFactory;
import org.sipee.session.SessionRegistry;

/** Reads the adapter's engine counters through its connection factory (in-container). */
public final class EngineProbe {

    private EngineProbe() {
    }

    public static EngineStats stats() {
        try (SipConnection connection = factory().getConnection()) {
            return connection.stats();
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Nothing left of any call: no dialog, transaction, call, connection, routed call, RTP stream or port. */
    public static boolean idle() {
        EngineStats s = stats();
        return s.sip().serverTransactions() == 0 && s.sip().clientTransactions() == 0 && s.sip().dialogs() == 0
                && s.sip().calls() == 0 && s.sip().connections() == 0
                && s.routedCalls() == 0 && s.rtpStreams() == 0 && s.rtpPortsInUse() == 0;
    }

    private static SipConnectionFactory factory() {
        try {
            return (SipConnectionFactory) new InitialContext().lookup("java:/sip/SipConnectionFactory");
        } catch (NamingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a test asserts after every call, however it ended: the application's session registry is
     * empty and the engine holds nothing of it (polled until the transaction timers have run).
     */
    public static void assertNothingLeft(SessionRegistry registry, Duration within) {
        Poll.until("an empty session registry", registry::isEmpty, () -> registry.list().toString(), within);
        Poll.until("no dialog, transaction, call or RTP port left", EngineProbe::idle,
                () -> stats().toString(), within);
    }
}
