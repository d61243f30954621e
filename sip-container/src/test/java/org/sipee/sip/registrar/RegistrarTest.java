package org.sipee.sip.registrar;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.sip.registrar.RegistrarFixture.ALICE;
import static org.sipee.sip.registrar.RegistrarFixture.PHONE;
import static org.sipee.sip.registrar.RegistrarFixture.START;

/** RFC 3261 §10.3: adding, refreshing, expiring, removing and listing bindings. */
class RegistrarTest {

    private final RegistrarFixture f = new RegistrarFixture();

    @Test
    void aRegistrationIsStoredAndThe200ListsItWithItsExpiryAndTheDate() {
        RegistrarResult result = f.register("c1", 1, "Contact: \"Alice\" <sip:alice@192.0.2.10:5062>", "Expires: 600");
        assertEquals(200, result.status());
        assertEquals("\"Alice\" <sip:alice@192.0.2.10:5062>;expires=600", result.header("Contact"));
        assertEquals("Tue, 14 Nov 2023 22:13:20 GMT", result.header("Date"));
        assertEquals("sip:alice@example.com", result.aor());
        assertEquals(1, result.added());
        Binding binding = f.registrar.lookup("\"A\" <sip:alice@EXAMPLE.com:5060;transport=tcp>").get(0);
        assertEquals(result.bindings(), List.of(binding));
        assertEquals("sip:alice@192.0.2.10:5062", binding.contactUri());
        assertEquals("udp:192.0.2.10:5062", binding.source());
        assertEquals(PHONE, binding.sourceAddress());
        assertEquals("udp", binding.transport());
        assertEquals("c1", binding.callId());
        assertEquals(1, binding.cseq());
        assertEquals(600, binding.expiresIn(START));
        assertEquals(START, binding.registeredAtMillis());
        assertEquals(1, f.registrar.bindingCount());
        assertEquals(1, f.registrar.addressCount());
    }

    @Test
    void aRefreshExtendsTheBindingWhichExpiresOnTimeEvenBeforeASweep() {
        f.register("c1", 1, "Contact: <sip:alice@192.0.2.10:5062>", "Expires: 600");
        f.advanceSeconds(500);
        RegistrarResult refresh = f.register("c1", 2, "Contact: <sip:alice@192.0.2.10:5062>", "Expires: 600");
        assertEquals(List.of(0, 1, 0), List.of(refresh.added(), refresh.refreshed(), refresh.removed()));
        f.advanceSeconds(599);
        assertEquals(1, f.registrar.lookup("sip:alice@example.com").get(0).expiresIn(f.clock.get()));
        f.advanceSeconds(1);
        assertEquals(List.of(), f.registrar.lookup("sip:alice@example.com"));
        assertEquals(0, f.registrar.bindingCount());
        assertEquals(0, f.registrar.addressCount());
        assertEquals(1, f.store.size(), "not swept yet");
        assertEquals(1, f.registrar.removeExpired());
        assertTrue(f.store.isEmpty(), "an address-of-record left without bindings is dropped");
        assertEquals(0, f.registrar.removeExpired());
    }

    @Test
    void theSweepKeepsLiveBindingsAndTheirAddressOfRecord() {
        f.register("c1", 1, "Contact: <sip:alice@192.0.2.10:5062>;expires=100, <sip:alice@192.0.2.11>;expires=900");
        f.registrar.register(RegistrarFixture.request("<sip:bob@example.com>", "b1", 1,
                "Contact: <sip:bob@192.0.2.20>;expires=100"), PHONE, "udp");
        f.advanceSeconds(100);
        assertEquals(2, f.registrar.removeExpired());
        assertEquals(List.of("sip:alice@example.com"), List.copyOf(f.store.keySet()));
        assertEquals("sip:alice@192.0.2.11", f.store.get("sip:alice@example.com").bindings().get(0).contactUri());
    }

    @Test
    void theExpiresParameterWinsOverTheHeaderWhichWinsOverTheDefault() {
        RegistrarResult result = f.register("c1", 1, "Contact: <sip:a@192.0.2.1>;expires=120, <sip:b@192.0.2.2>",
                "Expires: 300");
        assertEquals("<sip:a@192.0.2.1>;expires=120, <sip:b@192.0.2.2>;expires=300", result.header("Contact"));
        assertTrue(f.register("c2", 1, "Contact: <sip:c@192.0.2.3>").header("Contact")
                .endsWith("<sip:c@192.0.2.3>;expires=3600"), "the policy's default");
    }

    @Test
    void aLongerIntervalIsShortenedToMaxExpires() {
        assertEquals("<sip:a@192.0.2.1>;expires=7200",
                f.register("c1", 1, "Contact: <sip:a@192.0.2.1>", "Expires: 100000").header("Contact"));
        assertEquals("<sip:a@192.0.2.1>;expires=7200",
                f.register("c1", 2, "Contact: <sip:a@192.0.2.1>;expires=99999999999999999999").header("Contact"));
    }

    @Test
    void anIntervalBelowMinExpiresGets423WithMinExpires() {
        f.register("c1", 1, "Contact: <sip:a@192.0.2.1>");
        var before = f.snapshot();
        for (String[] headers : List.of(new String[] {"Contact: <sip:b@192.0.2.2>", "Expires: 30"},
                new String[] {"Contact: <sip:b@192.0.2.2>;expires=59", "Expires: 3600"},
                new String[] {"Contact: <sip:b@192.0.2.2>, <sip:a@192.0.2.1>;expires=1"})) {
            RegistrarResult result = f.register("c1", 2, headers);
            assertEquals(423, result.status());
            assertEquals("60", result.header("Min-Expires"));
            assertTrue(result.reason().startsWith("Interval Too Brief"), result.reason());
            assertEquals(before, f.snapshot());
        }
        assertEquals(200, f.register("c1", 2, "Contact: <sip:a@192.0.2.1>;expires=0").status(), "0 is no interval");
    }

    @Test
    void expiresZeroRemovesThatBindingOnly() {
        f.register("c1", 1, "Contact: <sip:a@192.0.2.1>, <sip:b@192.0.2.2>");
        RegistrarResult result = f.register("c1", 2, "Contact: <sip:A@192.0.2.1>;expires=0, <sip:a@192.0.2.1>;expires=0");
        assertEquals(1, result.removed());
        assertEquals("<sip:b@192.0.2.2>;expires=3600", result.header("Contact"), "the user part is case-sensitive");
        assertEquals(1, f.register("c1", 3, "Contact: <sip:b@192.0.2.2>", "Expires: 0").removed());
        assertNull(f.register("c1", 4).header("Contact"));
        assertTrue(f.store.isEmpty());
    }

    @Test
    void aWildcardWithExpiresZeroRemovesEveryBinding() {
        f.register("c1", 1, "Contact: <sip:a@192.0.2.1>, <sip:b@192.0.2.2>");
        f.register("c2", 7, "Contact: <sip:c@192.0.2.3>");
        RegistrarResult result = f.register("c3", 1, "Contact: *", "Expires: 0");
        assertEquals(200, result.status());
        assertEquals(3, result.removed());
        assertNull(result.header("Contact"));
        assertTrue(f.store.isEmpty());
    }

    @Test
    void aWildcardNeedsExpiresZeroAndNoOtherContact() {
        f.register("c1", 1, "Contact: <sip:a@192.0.2.1>");
        var before = f.snapshot();
        for (String[] headers : List.of(new String[] {"Contact: *"}, new String[] {"Contact: *", "Expires: 10"},
                new String[] {"Contact: *, <sip:a@192.0.2.1>", "Expires: 0"},
                new String[] {"Contact: <sip:b@192.0.2.2>", "Contact: *", "Expires: 0"})) {
            RegistrarResult result = f.register("c2", 1, headers);
            assertEquals(400, result.status());
            assertTrue(result.reason().contains("'*'"), result.reason());
            assertEquals(before, f.snapshot());
        }
    }

    @Test
    void the200ListsEveryBindingOfTheAddressOfRecordBestQFirst() {
        f.register("c1", 1, "Contact: <sip:a@192.0.2.1>;q=0.5, <sip:b@192.0.2.2>", "m: <sip:c@192.0.2.3>;q=0.9");
        f.advanceSeconds(100);
        RegistrarResult result = f.register("c2", 1, "Contact: <sip:d@192.0.2.4>;expires=600;q=0.9");
        assertEquals("<sip:b@192.0.2.2>;expires=3500, <sip:d@192.0.2.4>;q=0.9;expires=600, "
                + "<sip:c@192.0.2.3>;q=0.9;expires=3500, <sip:a@192.0.2.1>;q=0.5;expires=3500", result.header("Contact"));
        assertEquals(List.of("sip:b@192.0.2.2", "sip:d@192.0.2.4", "sip:c@192.0.2.3", "sip:a@192.0.2.1"),
                f.registrar.lookup("sip:alice@example.com").stream().map(Binding::contactUri).toList(),
                "q first, then the most recently registered");
        assertEquals(List.of(900, 1000), List.of(result.bindings().get(1).qMillis(), result.bindings().get(0).qMillis()));
    }

    @Test
    void aRequestWithoutContactIsAQueryThatChangesNothing() {
        f.register("c1", 1, "Contact: <sip:a@192.0.2.1>;q=0.25");
        var before = f.snapshot();
        f.advanceSeconds(60);
        RegistrarResult query = f.register("other", 1);
        assertEquals(200, query.status());
        assertEquals("<sip:a@192.0.2.1>;q=0.25;expires=3540", query.header("Contact"));
        assertEquals(List.of(0, 0, 0), List.of(query.added(), query.refreshed(), query.removed()));
        assertEquals(before, f.snapshot());
        RegistrarResult nobody = f.registrar.register(RegistrarFixture.request("<sip:bob@example.com>", "q", 1), PHONE,
                "udp");
        assertEquals(200, nobody.status());
        assertNull(nobody.header("Contact"));
        assertEquals(List.of(), nobody.bindings());
    }

    @Test
    void sameCallIdWithACSeqNotHigherIsOutOfOrderAndChangesNothing() {
        f.register("c1", 5, "Contact: <sip:a@192.0.2.1>", "Expires: 600");
        var before = f.snapshot();
        for (long cseq : new long[] {5, 4}) {
            for (String[] headers : List.of(new String[] {"Contact: <sip:a@192.0.2.1>", "Expires: 0"},
                    new String[] {"Contact: <sip:b@192.0.2.2>, <sip:a@192.0.2.1>"},
                    new String[] {"Contact: *", "Expires: 0"})) {
                RegistrarResult result = f.register("c1", cseq, headers);
                assertEquals(500, result.status());
                assertTrue(result.reason().contains("CSeq " + cseq + " is not above 5"), result.reason());
                assertEquals("sip:alice@example.com", result.aor());
                assertEquals(before, f.snapshot());
            }
        }
        assertEquals(200, f.register("c1", 4, "Contact: <sip:b@192.0.2.2>").status(), "another binding: no order");
        RegistrarResult rebooted = f.register("c2", 1, "Contact: <sip:a@192.0.2.1>", "Expires: 60");
        assertEquals(1, rebooted.refreshed(), "another Call-ID updates whatever its CSeq");
        assertEquals("c2", f.store.get("sip:alice@example.com").bindings().get(0).callId());
    }

    @Test
    void aToWithoutUserIs404AndAToThatIsNoSipUriIs400() {
        RegistrarResult noUser = f.registrar.register(RegistrarFixture.request("<sip:example.com>", "c1", 1,
                "Contact: <sip:a@192.0.2.1>"), PHONE, "udp");
        assertEquals(404, noUser.status());
        assertNull(noUser.aor());
        RegistrarResult tel = f.registrar.register(RegistrarFixture.request("<tel:+15551234>", "c1", 1,
                "Contact: <sip:a@192.0.2.1>"), PHONE, "udp");
        assertEquals(400, tel.status());
        assertTrue(tel.reason().contains("not a SIP URI"), tel.reason());
        assertTrue(f.store.isEmpty());
    }

    @Test
    void theResultBecomesTheResponseToTheRegister() {
        var register = RegistrarFixture.request(ALICE, "c1", 1, "Contact: <sip:a@192.0.2.1>");
        SipResponse response = f.registrar.register(register, PHONE, "udp").toResponse(register, "t1");
        assertEquals("SIP/2.0 200 OK", response.startLine());
        assertEquals("<sip:a@192.0.2.1>;expires=3600", response.header("Contact"));
        assertEquals("t1", response.to().tag());
        assertEquals("c1", response.callId());
        assertEquals("Tue, 14 Nov 2023 22:13:20 GMT", response.header("Date"));
    }

    @Test
    void onlyARegisterIsAccepted() {
        var options = new SipRequest("OPTIONS", "sip:example.com");
        assertThrows(IllegalArgumentException.class, () -> f.registrar.register(options, PHONE, "udp"));
    }
}
