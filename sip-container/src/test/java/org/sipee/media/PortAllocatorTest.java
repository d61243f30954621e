package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

    @Test
    void evenPortsOnlyWithRoomForRtcp() {
        PortAllocator a = new PortAllocator(10001, 10008); // pairs 10002/3, 10004/5, 10006/7
        assertEquals(3, a.capacity());
        assertEquals(10002, a.allocate());
        assertEquals(10004, a.allocate());
        assertEquals(10006, a.allocate());
        assertEquals(-1, a.allocate());
        assertEquals(6, a.portsInUse());
        a.release(10004);
        assertEquals(4, a.portsInUse());
        assertEquals(10004, a.allocate());
    }

    @Test
    void roundRobinReusesFreedPortsLast() {
        PortAllocator a = new PortAllocator(20000, 20009);
        int first = a.allocate();
        a.release(first);
        assertEquals(20002, a.allocate());
        a.release(20002);
        a.release(20002); // double release is harmless
        assertEquals(0, a.portsInUse());
    }

    @Test
    void refusesBadRangesAndPorts() {
        assertThrows(IllegalArgumentException.class, () -> new PortAllocator(10001, 10002));
        PortAllocator a = new PortAllocator(10000, 10003);
        assertThrows(IllegalArgumentException.class, () -> a.release(10001));
        assertThrows(IllegalArgumentException.class, () -> a.release(10004));
    }

    @Test
    void threadSafe() {
        PortAllocator a = new PortAllocator(30000, 31999);
        Set<Integer> got = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 1000).parallel().forEach(i -> got.add(a.allocate()));
        assertEquals(1000, got.size());
        assertEquals(-1, a.allocate());
        new HashSet<>(got).parallelStream().forEach(a::release);
        assertEquals(0, a.portsInUse());
    }
}
