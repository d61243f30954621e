package org.sipee.sip.registrar;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.sip.registrar.RegistrarFixture.ALICE;
import static org.sipee.sip.registrar.RegistrarFixture.PHONE;

/** REGISTERs for one address-of-record from many threads at once apply one at a time, each completely. */
class RegistrarConcurrencyTest {

    private static final int PHONES = 16;
    private static final int REFRESHES = 40;

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    /** Runs task(phone) for every phone on the pool, all released at once; returns their results in phone order. */
    private <T> List<T> race(int phones, IntFunction<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int phone = 0; phone < phones; phone++) {
            int p = phone;
            futures.add(pool.submit(() -> {
                start.await();
                return task.apply(p);
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    private static SipRequest register(int phone, long cseq, String expires) {
        return RegistrarFixture.request(ALICE, "phone" + phone, cseq,
                "Contact: <sip:alice@192.0.2." + (phone + 1) + ":5062>", "Expires: " + expires);
    }

    @Test
    void phonesRefreshingAndLeavingTogetherLeaveExactlyTheirBindings() throws Exception {
        RegistrarFixture f = new RegistrarFixture(new RegistrarPolicy(60, 7200, 3600, PHONES));
        List<Long> failures = race(PHONES, phone -> IntStream.rangeClosed(1, REFRESHES)
                .mapToObj(cseq -> f.registrar.register(register(phone, cseq, cseq == REFRESHES && phone % 2 == 1 ? "0"
                        : "600"), PHONE, "udp"))
                .filter(result -> !result.isSuccess()).count());
        assertEquals(0L, failures.stream().mapToLong(Long::longValue).sum());
        List<Binding> bindings = f.registrar.lookup(ALICE);
        assertEquals(IntStream.range(0, PHONES).filter(p -> p % 2 == 0).mapToObj(p -> "sip:alice@192.0.2." + (p + 1)
                + ":5062").collect(Collectors.toSet()), bindings.stream().map(Binding::contactUri)
                .collect(Collectors.toSet()));
        assertTrue(bindings.stream().allMatch(b -> b.cseq() == REFRESHES), "every last refresh is the one kept");
        assertEquals(PHONES / 2, f.registrar.bindingCount());
        assertEquals(1, f.registrar.addressCount());
    }

    @Test
    void maxBindingsPerAorHoldsUnderARaceAndEveryRefusalIsTheLimit() throws Exception {
        RegistrarFixture f = new RegistrarFixture(new RegistrarPolicy(60, 7200, 3600, 10));
        List<RegistrarResult> results = race(32, phone -> f.registrar.register(register(phone, 1, "600"), PHONE, "udp"));
        List<RegistrarResult> accepted = results.stream().filter(RegistrarResult::isSuccess).toList();
        assertEquals(10, accepted.size());
        assertEquals(Set.of(403), results.stream().filter(r -> !r.isSuccess()).map(RegistrarResult::status)
                .collect(Collectors.toSet()));
        assertEquals(10, f.store.get("sip:alice@example.com").bindings().size());
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), accepted.stream().map(r -> r.bindings().size())
                .collect(Collectors.toSet()), "each 200 saw the bindings of its own turn");
    }

    @Test
    void aSweepRacingRegistrationsDropsOnlyExpiredBindings() throws Exception {
        RegistrarFixture f = new RegistrarFixture(new RegistrarPolicy(60, 7200, 3600, PHONES));
        for (int phone = 0; phone < PHONES; phone++) {
            f.registrar.register(register(phone, 1, "60"), PHONE, "udp");
        }
        f.advanceSeconds(60);
        List<Integer> swept = race(PHONES + 1, phone -> phone == PHONES ? f.registrar.removeExpired()
                : f.registrar.register(register(phone + PHONES, 1, "600"), PHONE, "udp").status());
        assertTrue(swept.get(PHONES) <= PHONES, "a REGISTER drops the expired bindings it meets, too");
        assertTrue(swept.subList(0, PHONES).stream().allMatch(status -> status == 200));
        f.registrar.removeExpired();
        assertEquals(IntStream.range(PHONES, 2 * PHONES).mapToObj(p -> "sip:alice@192.0.2." + (p + 1) + ":5062")
                .collect(Collectors.toSet()), f.store.get("sip:alice@example.com").bindings().stream()
                .map(Binding::contactUri).collect(Collectors.toSet()), "no binding registered during the sweep is lost");
    }
}
