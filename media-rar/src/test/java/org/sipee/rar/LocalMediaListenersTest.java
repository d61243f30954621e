package org.sipee.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sipee.rar.api.ListenerRegistration;

/** Media events handed to the applications in this JVM: their properties, their class loader, until they close. */
class LocalMediaListenersTest {

    private final LocalMediaListeners listeners = new LocalMediaListeners();

    @Test
    void eachListenerGetsTheEventsPropertiesUnderItsOwnClassLoaderUntilItCloses() throws Exception {
        List<Map<String, Object>> received = new ArrayList<>();
        List<ClassLoader> loaders = new ArrayList<>();
        ClassLoader application = new URLClassLoader(new URL[0]);
        Thread thread = Thread.currentThread();
        ClassLoader own = thread.getContextClassLoader();
        ListenerRegistration registration;
        thread.setContextClassLoader(application);
        try {
            registration = listeners.add(properties -> {
                received.add(properties);
                loaders.add(Thread.currentThread().getContextClassLoader());
            });
        } finally {
            thread.setContextClassLoader(own);
        }

        listeners.deliver(MediaEvent.bridgeChanged("call-a", "call-b", true));
        assertEquals(1, received.size());
        assertEquals("BridgeChanged", received.get(0).get("sipeeEvent"));
        assertEquals("call-a", received.get(0).get("callId"));
        assertSame(application, loaders.get(0));
        assertSame(own, thread.getContextClassLoader(), "the dispatcher's own class loader is back");
        assertThrows(UnsupportedOperationException.class, () -> received.get(0).put("callId", "changed"));

        registration.close();
        assertFalse(registration.isOpen());
        listeners.deliver(MediaEvent.bridgeChanged("call-a", "call-b", false));
        assertEquals(1, received.size(), "nothing after close");
    }

    @Test
    void aFailingListenerStopsNoOther() {
        List<Object> second = new ArrayList<>();
        listeners.add(properties -> {
            throw new IllegalStateException("an application's bug");
        });
        listeners.add(properties -> second.add(properties.get("callId")));
        listeners.deliver(MediaEvent.bridgeChanged("call-a", "call-b", true));
        assertEquals(List.of("call-a"), second);
    }
}
