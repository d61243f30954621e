package org.sipee.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;

import org.junit.jupiter.api.Test;

/** The @CallScoped context: one instance per call, active only inside a call, destroyed at the call's end. */
class CallContextTest {

    private final CallContext context = new CallContext();
    private final List<String> destroyed = new ArrayList<>();
    private int created;

    /** A bean whose instances are "bean-N", N counting creations. */
    private final Contextual<String> bean = new Contextual<>() {
        @Override
        public String create(CreationalContext<String> creational) {
            return "bean-" + ++created;
        }

        @Override
        public void destroy(String instance, CreationalContext<String> creational) {
            destroyed.add(instance);
        }
    };

    private String instanceIn(String callId) {
        AtomicReference<String> instance = new AtomicReference<>();
        context.within(callId, () -> instance.set(context.get(bean, null)));
        return instance.get();
    }

    @Test
    void oneInstancePerCallDestroyedWhenTheCallEnds() {
        context.begin("a");
        context.begin("b");
        String inA = instanceIn("a");
        assertSame(inA, instanceIn("a"), "the same instance for the same call");
        String inB = instanceIn("b");
        assertNotSame(inA, inB, "another call, another instance");

        context.end("a");
        assertEquals(List.of(inA), destroyed);
        assertThrows(ContextNotActiveException.class, () -> instanceIn("a"), "an ended call has no beans any more");
        assertEquals(inB, instanceIn("b"));
        context.endAll();
        assertEquals(List.of(inA, inB), destroyed);
    }

    @Test
    void activeOnlyInsideACallAndNestedCallsRestoreTheOuterOne() {
        context.begin("outer");
        context.begin("inner");
        assertFalse(context.isActive());
        assertThrows(ContextNotActiveException.class, () -> context.get(bean, null));
        context.within("outer", () -> {
            String outer = context.get(bean, null);
            context.within("inner", () -> assertNotSame(outer, context.get(bean, null)));
            assertTrue(context.isActive());
            assertSame(outer, context.get(bean));
        });
        assertFalse(context.isActive());
    }

    @Test
    void destroyRemovesOneBeanOfTheCurrentCall() {
        context.begin("c");
        String first = instanceIn("c");
        context.within("c", () -> context.destroy(bean));
        assertEquals(List.of(first), destroyed);
        assertNotSame(first, instanceIn("c"), "created again after destroy");
    }
}
