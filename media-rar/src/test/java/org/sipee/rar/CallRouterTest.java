package org.sipee.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;
import org.sipee.rar.api.SipApplicationListener;
import org.sipee.sip.ua.CallEndReason;
import org.sipee.sip.ua.InboundCall;

/** The order in which an application hears of calls: per Call-ID, whatever order the delivery pool runs its tasks in. */
class CallRouterTest {

    /** A pool whose threads the test runs by hand, newest task first: a worker that fell behind. */
    private final Deque<Runnable> pool = new ArrayDeque<>();
    private final Executor newestFirst = pool::push;
    private final CallRouter router = new CallRouter(newestFirst);
    private final List<String> heard = new ArrayList<>();

    @Test
    void theAnswerToAChallengeStartsOnlyAfterTheChallengedCallEnded() {
        router.register(new SipApplicationListener() {
            @Override public void onInvite(InboundCall call) { heard.add("INVITE " + call); }
            @Override public void onAck(InboundCall call) { heard.add("ACK " + call); }
            @Override public void onCallEnded(InboundCall call, CallEndReason reason) { heard.add(reason + " " + call); }
        });
        InboundCall challenged = call("same-call-id", "CSeq 1");
        InboundCall authenticated = call("same-call-id", "CSeq 2");

        router.onInvite(challenged);
        runPool();
        router.onCallEnded(challenged, CallEndReason.REJECTED); // 407 sent: its end is queued...
        router.onInvite(authenticated); // ...and the caller's answer to the challenge arrives before it ran
        runPool();

        assertEquals(List.of("INVITE CSeq 1", "REJECTED CSeq 1", "INVITE CSeq 2"), heard);
        assertEquals(1, router.routedCalls(), "the authenticated call is still routed");
        router.onAck(authenticated);
        runPool();
        assertEquals("ACK CSeq 2", heard.get(3));
    }

    private void runPool() {
        while (!pool.isEmpty()) {
            pool.pop().run();
        }
    }

    private static InboundCall call(String callId, String name) {
        return (InboundCall) Proxy.newProxyInstance(InboundCall.class.getClassLoader(), new Class<?>[] {InboundCall.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "callId" -> callId;
                    case "toString" -> name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
