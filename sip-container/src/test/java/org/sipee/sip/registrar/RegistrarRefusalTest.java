package org.sipee.sip.registrar;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.sip.registrar.RegistrarFixture.PHONE;

/** What a REGISTER must not do: every refusal is a 4xx or 5xx with a reason, and leaves the store as it was. */
class RegistrarRefusalTest {

    private final RegistrarFixture f = new RegistrarFixture(new RegistrarPolicy(60, 7200, 3600, 3));

    @Test
    void malformedContactExpiresOrQIs400SayingWhatIsWrong() {
        f.register("c1", 1, "Contact: <sip:a@192.0.2.1>");
        Map<String, String> cases = Map.ofEntries( // added after parsing: SipParser refuses the first three itself
                Map.entry("<sip:b@192.0.2.2", "expected '>'"),
                Map.entry("<sip:b@[::1>", "IPv6"),
                Map.entry("<sip:b@192.0.2.2:99999>", "bad port"),
                Map.entry("<sip:b@192.0.2.2>;expires=soon", "Contact expires 'soon' is not delta-seconds"),
                Map.entry("<sip:b@192.0.2.2>;expires", "Contact expires '' is not delta-seconds"),
                Map.entry("<sip:b@192.0.2.2>;q=1.5", "Contact q '1.5' is not 0 to 1"),
                Map.entry("<sip:b@192.0.2.2>;q=0.1234", "Contact q '0.1234'"),
                Map.entry("<sip:b@192.0.2.2>;q=-1", "Contact q '-1'"),
                Map.entry("<sip:b@192.0.2.2>;q", "Contact q ''"),
                Map.entry("<sip:b@192.0.2.2>;reg-id=1", "reg-id without +sip.instance"),
                Map.entry("<sip:b@192.0.2.2>;+sip.instance=\"<urn:x>\";reg-id=0", "reg-id '0'"),
                Map.entry("<sip:b@192.0.2.2>;+sip.instance", "+sip.instance has no value"),
                Map.entry("<sip:b@192.0.2.2>, <sip:B@192.0.2.2;lr>, <sip:b@192.0.2.2>", "'sip:b@192.0.2.2' twice"),
                Map.entry("<sip:b@192.0.2.2>, <sip:%62@192.0.2.2;foo=bar>", "'sip:%62@192.0.2.2;foo=bar' twice"),
                Map.entry("<sip:b@192.0.2.2>;+sip.instance=\"<urn:x>\", <sip:c@192.0.2.3>;+sip.instance=\"<urn:x>\"",
                        "'sip:c@192.0.2.3' twice"));
        var before = f.snapshot();
        cases.forEach((contact, problem) -> {
            SipRequest request = RegistrarFixture.request(RegistrarFixture.ALICE, "c1", 2, "Expires: 600");
            request.addHeader("Contact", contact);
            RegistrarResult result = f.registrar.register(request, PHONE, "udp");
            assertEquals(400, result.status(), contact);
            assertTrue(result.reason().contains(problem), contact + " -> " + result.reason());
            assertEquals(List.of(), result.bindings());
            assertEquals(before, f.snapshot(), contact);
        });
        for (String expires : List.of("Expires: Thu, 01 Dec 2094 16:00:00 GMT", "Expires: -1", "Expires: 1e3")) {
            RegistrarResult result = f.register("c1", 2, "Contact: <sip:b@192.0.2.2>", expires);
            assertEquals(400, result.status(), expires);
            assertTrue(result.reason().startsWith("Expires '"), result.reason());
        }
        assertEquals(400, f.register("c1", 2, "Contact: <sip:b@192.0.2.2>", "Expires: 60", "Expires: 60").status());
        assertEquals(before, f.snapshot());
        assertEquals(List.of(900, 0, 1000), List.of(qOf("0.9"), qOf("0."), qOf("1.000")));
    }

    private int qOf(String q) {
        return f.register("q" + q, 1, "Contact: <sip:q@192.0.2.9>;q=" + q).bindings().stream()
                .filter(b -> b.contactUri().startsWith("sip:q@")).findFirst().orElseThrow().qMillis();
    }

    @Test
    void aRegisterPassingMaxBindingsPerAorIs403AndChangesNothing() {
        f.register("c1", 1, "Contact: <sip:a@192.0.2.1>, <sip:b@192.0.2.2>");
        AddressOfRecord stored = f.store.get("sip:alice@example.com");
        RegistrarResult result = f.register("c2", 1, "Contact: <sip:c@192.0.2.3>, <sip:d@192.0.2.4>");
        assertEquals(403, result.status());
        assertEquals("Too many registrations: 4 bindings would exceed maxBindingsPerAor 3", result.reason());
        assertEquals("sip:alice@example.com", result.aor());
        assertSame(stored, f.store.get("sip:alice@example.com"));
        assertEquals(200, f.register("c2", 2, "Contact: <sip:c@192.0.2.3>").status(), "3 is allowed");
        assertEquals(403, f.register("c2", 3, "Contact: <sip:d@192.0.2.4>").status());
        RegistrarResult swap = f.register("c1", 2, "Contact: <sip:a@192.0.2.1>;expires=0, <sip:d@192.0.2.4>");
        assertEquals(List.of(200, 1, 1), List.of(swap.status(), swap.added(), swap.removed()), "the count is after");
        f.advanceSeconds(3600);
        assertEquals(200, f.register("c3", 1, "Contact: <sip:e@192.0.2.5>").status(), "expired ones do not count");
        assertEquals(1, f.registrar.lookup("sip:alice@example.com").size());
    }

    @Test
    void aHandBuiltRegisterMissingItsHeadersGets400() {
        SipRequest bare = new SipRequest("REGISTER", "sip:example.com");
        assertEquals("Missing To", f.registrar.register(bare, PHONE, "udp").reason());
        bare.addHeader("To", "<sip:alice@example.com");
        assertTrue(f.registrar.register(bare, PHONE, "udp").reason().startsWith("Malformed To"));
        bare.setHeader("To", "<sip:alice@example.com>");
        assertEquals("Missing Call-ID", f.registrar.register(bare, PHONE, "udp").reason());
        bare.addHeader("Call-ID", "c1");
        assertEquals("Missing CSeq", f.registrar.register(bare, PHONE, "udp").reason());
        bare.addHeader("CSeq", "one REGISTER");
        assertTrue(f.registrar.register(bare, PHONE, "udp").reason().startsWith("Malformed CSeq"));
        bare.setHeader("CSeq", "1 REGISTER");
        bare.addHeader("Contact", "<sip:a@192.0.2.1>");
        assertEquals(200, f.registrar.register(bare, PHONE, "udp").status(), "no Via is no reason to refuse");
    }

    @Test
    void aFailingStoreIs500AndTheRegistrarCarriesOn() {
        var failing = new ConcurrentHashMap<String, AddressOfRecord>() {
            @Override
            public AddressOfRecord compute(String key,
                    BiFunction<? super String, ? super AddressOfRecord, ? extends AddressOfRecord> remapping) {
                throw new IllegalStateException("cache timeout");
            }
        };
        Registrar registrar = new Registrar(failing, RegistrarPolicy.defaults(), f.clock::get);
        RegistrarResult result = registrar.register(RegistrarFixture.request(RegistrarFixture.ALICE, "c1", 1,
                "Contact: <sip:a@192.0.2.1>"), PHONE, "udp");
        assertEquals(500, result.status());
        assertEquals("Location service failed: java.lang.IllegalStateException: cache timeout", result.reason());
        assertNull(result.header("Contact"));
    }

    @Test
    void mangledRegistersNeverThrowAndARefusalNeverLeavesABinding() {
        String valid = "REGISTER sip:example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bK-1\r\n"
                + "From: <sip:alice@example.com>;tag=1\r\nTo: <sip:alice@example.com>\r\nCall-ID: fz\r\n"
                + "CSeq: 1 REGISTER\r\nContact: \"A\" <sip:alice@192.0.2.10:5062;transport=tcp>;q=0.5;expires=600;"
                + "+sip.instance=\"<urn:uuid:1>\";reg-id=1, <sips:b%41@[2001:db8::1]:5061>\r\nExpires: 300\r\n"
                + "Path: <sip:edge.example.com;lr;ob>\r\nSupported: path, outbound\r\nContent-Length: 0\r\n\r\n";
        String alphabet = "<>;:,=\"*@%[]. 0123456789qQeE-+\t";
        Random random = new Random(3261);
        int parsed = 0;
        int accepted = 0;
        for (int i = 0; i < 3000; i++) {
            char[] text = valid.toCharArray();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                int at = valid.indexOf("Contact:") + random.nextInt(valid.indexOf("Content-Length") - valid.indexOf(
                        "Contact:"));
                text[at] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            SipRequest request;
            try {
                request = (SipRequest) SipParser.parse(new String(text).getBytes(StandardCharsets.UTF_8));
            } catch (SipParseException e) {
                continue;
            }
            parsed++;
            var before = f.snapshot();
            RegistrarResult result = f.registrar.register(request, PHONE, "tcp");
            assertTrue(result.status() == 200 || result.status() >= 400 && result.status() < 600, result.toString());
            if (result.isSuccess()) {
                accepted++;
            } else {
                assertEquals(before, f.snapshot(), new String(text) + " -> " + result.reason());
            }
            f.store.clear();
        }
        assertTrue(parsed > 1000 && accepted > 100, parsed + " parsed, " + accepted + " accepted");
    }
}
