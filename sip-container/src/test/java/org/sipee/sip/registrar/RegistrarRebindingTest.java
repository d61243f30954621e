package org.sipee.sip.registrar;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sipee.sip.registrar.RegistrarFixture.ALICE;

/** A phone registering again keeps one binding (RFC 3261 §19.1.4, RFC 5626 §6); Path (RFC 3327). */
class RegistrarRebindingTest {

    private static final String INSTANCE = "+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>\"";
    private static final String EDGE_VIA = "Via: SIP/2.0/UDP edge.example.com;branch=z9hG4bK-edge";

    private final RegistrarFixture f = new RegistrarFixture();

    private List<Binding> bindings() {
        return f.registrar.lookup(ALICE);
    }

    private RegistrarResult registerFrom(InetSocketAddress source, String callId, long cseq, String... headers) {
        return f.registrar.register(RegistrarFixture.request(ALICE, callId, cseq, headers), source, "UDP");
    }

    @Test
    void theSameContactUriRefreshesItsBinding() {
        f.register("c1", 1, "Contact: <sip:alice@Phone.example.com:5062>");
        for (String same : List.of("<sip:alice@phone.EXAMPLE.com:5062;foo=bar>", "<sip:%61lice@phone.example.com:5062>",
                "\"Alice\" <SIP:alice@phone.example.com:5062>;q=0.5")) {
            RegistrarResult result = f.register("c1", f.store.values().iterator().next().bindings().get(0).cseq() + 1,
                    "Contact: " + same);
            assertEquals(List.of(0, 1), List.of(result.added(), result.refreshed()), same);
        }
        assertEquals(1, bindings().size());
        assertEquals("\"Alice\" <SIP:alice@phone.example.com:5062>;q=0.5", bindings().get(0).contact());
    }

    @Test
    void anotherPortUserOrTransportIsAnotherBinding() {
        f.register("c1", 1, "Contact: <sip:alice@phone.example.com:5062>");
        for (String other : List.of("<sip:alice@phone.example.com>", "<sip:alice@phone.example.com:5060>",
                "<sip:Alice@phone.example.com:5062>", "<sip:alice@phone.example.com:5062;transport=tcp>",
                "<sips:alice@phone.example.com:5062>", "<sip:phone.example.com:5062>")) {
            assertEquals(1, f.register("c1", 2 + bindings().size(), "Contact: " + other).added(), other);
        }
        assertEquals(7, bindings().size());
    }

    @Test
    void instanceIdAndRegIdReplaceTheBindingEvenWhenThePhoneComesBackOnAnotherPort() {
        RegistrarResult first = f.register("boot1", 1, "Contact: <sip:alice@192.0.2.10:5062;ob>;" + INSTANCE
                + ";reg-id=1");
        assertEquals("outbound", first.header("Require"));
        assertEquals("<sip:alice@192.0.2.10:5062;ob>;" + INSTANCE + ";reg-id=1;expires=3600", first.header("Contact"));
        InetSocketAddress natted = new InetSocketAddress("192.0.2.10", 6000);
        RegistrarResult again = registerFrom(natted, "boot2", 1, "Contact: <sip:alice@192.0.2.10:6000;ob>;reg-id=1;"
                + INSTANCE, "Expires: 600");
        assertEquals(List.of(0, 1), List.of(again.added(), again.refreshed()));
        Binding binding = bindings().get(0);
        assertEquals(1, bindings().size());
        assertEquals("sip:alice@192.0.2.10:6000;ob", binding.contactUri());
        assertEquals("udp:192.0.2.10:6000", binding.source());
        assertEquals(natted, binding.sourceAddress());
        assertEquals("<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>", binding.instanceId());
        assertEquals(1, binding.regId());
        assertEquals(500, registerFrom(natted, "boot2", 1, "Contact: <sip:alice@192.0.2.10:7000;ob>;reg-id=1;"
                + INSTANCE).status(), "the instance's binding keeps the §10.3 Call-ID/CSeq order");
    }

    @Test
    void twoRegIdsOfOneInstanceAreTwoFlowsEvenWithOneUri() {
        f.register("c1", 1, "Contact: <sip:alice@192.0.2.10:5062;transport=tcp;ob>;" + INSTANCE + ";reg-id=1");
        f.register("c2", 1, "Contact: <sip:alice@192.0.2.10:5062;transport=tcp;ob>;" + INSTANCE + ";reg-id=2");
        assertEquals(2, bindings().size());
        RegistrarResult gone = f.register("c1", 2, "Contact: <sip:alice@192.0.2.10:5062;transport=tcp;ob>;"
                + INSTANCE + ";reg-id=1;expires=0");
        assertEquals(1, gone.removed());
        assertEquals(2, bindings().get(0).regId());
    }

    @Test
    void anInstanceIdWithoutRegIdIsOneBindingPerInstance() {
        f.register("c1", 1, "Contact: <sip:alice@192.0.2.10:5062>;" + INSTANCE);
        RegistrarResult again = f.register("c2", 1, "Contact: <sip:alice@192.0.2.10:5070>;" + INSTANCE);
        assertNull(again.header("Require"), "no reg-id, no outbound");
        assertEquals(1, bindings().size());
        assertEquals("sip:alice@192.0.2.10:5070", bindings().get(0).contactUri());
        f.register("c3", 1, "Contact: <sip:alice@192.0.2.10:5070>");
        assertEquals(2, bindings().size(), "the same URI without instance-id is another binding");
    }

    @Test
    void behindAProxyWithoutOutboundTheRegIdIsIgnoredOrRefusedWhenTheUaSupportsOutbound() {
        RegistrarResult ignored = f.register("c1", 1, EDGE_VIA, "Contact: <sip:alice@192.0.2.10:5062>;" + INSTANCE
                + ";reg-id=1");
        assertEquals(200, ignored.status());
        assertNull(ignored.header("Require"));
        assertNull(bindings().get(0).regId());
        var before = f.snapshot();
        RegistrarResult refused = f.register("c1", 2, EDGE_VIA, "Supported: path, outbound",
                "Contact: <sip:alice@192.0.2.10:5062>;" + INSTANCE + ";reg-id=1");
        assertEquals(439, refused.status());
        assertEquals("First Hop Lacks Outbound Support", refused.reason());
        assertEquals(before, f.snapshot());
        RegistrarResult viaEdge = f.register("c1", 3, EDGE_VIA, "Supported: outbound",
                "Path: <sip:edge.example.com;lr;ob>", "Contact: <sip:alice@192.0.2.10:5062>;" + INSTANCE + ";reg-id=1");
        assertEquals("outbound", viaEdge.header("Require"), "an edge proxy with ;ob does outbound");
        assertEquals(2, bindings().size(), "reg-id 1 is another binding than the one without reg-id");
        RegistrarResult twoFlows = f.register("c2", 1, EDGE_VIA, "Contact: <sip:alice@192.0.2.10:5062>;" + INSTANCE
                + ";reg-id=1, <sip:alice@192.0.2.10:5063>;" + INSTANCE + ";reg-id=2");
        assertEquals(400, twoFlows.status(), "without their reg-ids, two flows are one binding named twice");
    }

    @Test
    void pathIsStoredWithTheBindingAndEchoedWhenTheUaSupportsIt() {
        RegistrarResult silent = f.register("c1", 1, EDGE_VIA, "Path: <sip:edge1.example.com;lr>",
                "Contact: <sip:alice@192.0.2.10:5062>");
        assertNull(silent.header("Path"));
        assertEquals(List.of("<sip:edge1.example.com;lr>"), bindings().get(0).path());
        RegistrarResult echoed = f.register("c1", 2, EDGE_VIA, "Supported: path",
                "Path: <sip:edge1.example.com;lr>, <sip:edge2.example.com;lr>", "Contact: <sip:alice@192.0.2.10:5062>");
        assertEquals("<sip:edge1.example.com;lr>, <sip:edge2.example.com;lr>", echoed.header("Path"));
        assertEquals(List.of("<sip:edge1.example.com;lr>", "<sip:edge2.example.com;lr>"), bindings().get(0).path());
        assertEquals(List.of(), f.register("c2", 1, "Contact: <sip:alice@192.0.2.11>").bindings().stream()
                .filter(b -> b.contactUri().endsWith(".11")).findFirst().orElseThrow().path());
        var before = f.snapshot();
        RegistrarResult malformed = f.register("c1", 3, "Path: <sip:edge1.example.com;lr",
                "Contact: <sip:alice@192.0.2.10:5062>");
        assertEquals(400, malformed.status());
        assertTrue(malformed.reason().contains("Path"), malformed.reason());
        assertEquals(before, f.snapshot());
    }
}
