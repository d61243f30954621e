package org.sipee.sip.registrar;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The values kept in the location service, the policy, and the URI forms the registrar indexes by. */
class RegistrarValuesTest {

    private static Binding binding(String source, long expiresAt, List<String> path) {
        return new Binding("sip:a@192.0.2.1", "<sip:a@192.0.2.1>", expiresAt, 1000, "c1", 1, path, null, null, source, 0);
    }

    @Test
    void anAddressOfRecordSurvivesSerializationAsACacheWouldStoreIt() throws Exception {
        AddressOfRecord record = new AddressOfRecord("sip:alice@example.com", List.of(binding("udp:192.0.2.1:5062",
                5000, List.of("<sip:edge.example.com;lr>")), new Binding("sip:b@192.0.2.2", "<sip:b@192.0.2.2>;"
                + "+sip.instance=\"<urn:uuid:1>\";reg-id=2", 9000, 500, "c2", 7, List.of(), "<urn:uuid:1>", 2,
                "tcp:[2001:db8:0:0:0:0:0:1]:5060", 100)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(record);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(record, in.readObject());
        }
    }

    @Test
    void valuesAreImmutableCopies() {
        List<String> path = new ArrayList<>(List.of("<sip:edge.example.com;lr>"));
        Binding binding = binding("udp:192.0.2.1:5062", 5000, path);
        path.clear();
        assertEquals(1, binding.path().size());
        assertThrows(UnsupportedOperationException.class, () -> binding.path().add("x"));
        List<Binding> bindings = new ArrayList<>(List.of(binding));
        AddressOfRecord record = new AddressOfRecord("sip:alice@example.com", bindings);
        bindings.clear();
        assertEquals(List.of(binding), record.bindings());
        assertEquals(List.of(), record.withBindings(List.of()).bindings());
        assertEquals(List.of(binding), record.bindings(), "withBindings is a copy");
        assertThrows(IllegalArgumentException.class, () -> new Binding("sip:a@h", "<sip:a@h>", 0, 1001, "c", 1,
                List.of(), null, null, "udp:h:1", 0));
        assertThrows(IllegalArgumentException.class, () -> binding("192.0.2.1", 0, List.of()));
    }

    @Test
    void expiresInRoundsUpAndLivenessEndsAtTheExpiry() {
        Binding binding = binding("udp:192.0.2.1:5062", 10_000, List.of());
        assertEquals(List.of(10, 2, 1, 0, 0), List.of(binding.expiresIn(0), binding.expiresIn(8_500),
                binding.expiresIn(9_999), binding.expiresIn(10_000), binding.expiresIn(20_000)));
        assertTrue(binding.isLiveAt(9_999));
        assertTrue(!binding.isLiveAt(10_000));
        assertEquals("<sip:a@192.0.2.1>;expires=2", binding.responseValue(8_500));
        AddressOfRecord record = new AddressOfRecord("sip:alice@example.com", List.of(binding));
        assertEquals(List.of(), record.liveAt(10_000));
        assertTrue(record.hasExpiredAt(10_000));
    }

    @Test
    void theSourceKeepsTransportAddressAndPortForIpv4AndIpv6() {
        InetSocketAddress v6 = new InetSocketAddress("2001:db8::1", 5060);
        String source = Binding.source("TCP", v6);
        assertEquals("tcp:[2001:db8:0:0:0:0:0:1]:5060", source);
        Binding binding = binding(source, 0, List.of());
        assertEquals(v6, binding.sourceAddress());
        assertEquals("tcp", binding.transport());
        assertEquals("ws:192.0.2.7:80", Binding.source("ws", new InetSocketAddress("192.0.2.7", 80)));
    }

    @Test
    void thePolicyNamesTheFieldItRefuses() {
        assertEquals(new RegistrarPolicy(60, 7200, 3600, 10), RegistrarPolicy.defaults());
        for (Object[] bad : new Object[][] {{-1, 7200, 3600, 10, "minExpires"}, {3601, 7200, 3601, 10, "minExpires"},
                {60, 59, 59, 10, "maxExpires"}, {0, 0, 1, 10, "maxExpires"}, {60, 7200, 30, 10, "defaultExpires"},
                {60, 7200, 7201, 10, "defaultExpires"}, {60, 7200, 3600, 0, "maxBindingsPerAor"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RegistrarPolicy(
                    (int) bad[0], (int) bad[1], (int) bad[2], (int) bad[3]));
            assertTrue(e.getMessage().startsWith(bad[4] + " must"), e.getMessage());
        }
        RegistrarPolicy anyInterval = new RegistrarPolicy(0, 1, 1, 1);
        assertTrue(!anyInterval.tooBrief(1) && anyInterval.grant(3600) == 1);
    }

    @Test
    void theAddressOfRecordIsSchemeUserAndLowerCaseHost() {
        assertEquals("sip:Alice@example.com", Registrar.addressOfRecord("sip:Alice@Example.COM:5060;transport=tcp"));
        assertEquals("sips:alice@example.com", Registrar.addressOfRecord("\"A\" <sips:%61lice@EXAMPLE.com?x=y>;tag=1"));
        assertEquals("sip:+15551234@example.com", Registrar.addressOfRecord(" <sip:+15551234@example.com;user=phone> "));
        assertEquals("sip:alice@[2001:db8::1]", Registrar.addressOfRecord("sip:alice@[2001:DB8::1]:5070"));
        for (String bad : List.of("sip:example.com", "sip:@example.com", "tel:+15551234", "<sip:alice@example.com",
                "alice")) {
            assertThrows(IllegalArgumentException.class, () -> Registrar.addressOfRecord(bad), bad);
        }
        Registrar registrar = new Registrar(new ConcurrentHashMap<>(), RegistrarPolicy.defaults(), () -> 0);
        assertEquals(List.of(), registrar.lookup("tel:+15551234"));
        assertEquals(List.of(), registrar.lookup("<sip:"));
    }

    @Test
    void contactUrisCompareAsSection19_1_4Says() {
        assertEquals(ContactUris.key("sip:alice@Host.example.com:5062;foo=1;TRANSPORT=TCP"),
                ContactUris.key("SIP:%61lice@host.example.com:5062;transport=tcp;bar"));
        assertEquals(ContactUris.key("sip:alice@host;maddr=239.255.255.1;ttl=15"),
                ContactUris.key("sip:alice@HOST;ttl=15;maddr=239.255.255.1"));
        for (String other : List.of("sip:Alice@host:5062", "sip:alice@host:5060", "sip:alice@host",
                "sips:alice@host:5062", "sip:alice:pw@host:5062", "sip:alice@host:5062;transport=udp",
                "sip:alice@host:5062;user=phone", "sip:alice@host:5062;method=INVITE", "sip:host:5062")) {
            assertNotEquals(ContactUris.key("sip:alice@host:5062"), ContactUris.key(other), other);
        }
        assertEquals("tel:+1-555-1234", ContactUris.key("TEL:+1-555-1234"));
        assertNotEquals(ContactUris.key("mailto:Alice@example.com"), ContactUris.key("mailto:alice@example.com"));
    }
}
