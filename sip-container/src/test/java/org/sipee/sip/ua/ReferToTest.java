package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sipee.sip.message.SipRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attended-transfer pieces: the transferor's Replaces value and remote target, the Refer-To built from them
 * (RFC 3891, RFC 3261 §19.1.2) and the transferee's INVITE to such a URI (§19.1.5), on the wire.
 */
class ReferToTest {

    private static final String REPLACES = "abc@h;to-tag=1;from-tag=2";
    private static final String TARGET = "sip:c@192.0.2.9:5060?Replaces=abc%40h%3Bto-tag%3D1%3Bfrom-tag%3D2";

    private final UaHarness h = new UaHarness();
    private final Caller carol = new Caller(h);

    @Test
    void withReplacesEscapesTheValueAndHeadersUndoIt() {
        String referTo = ReferTo.withReplaces("sip:c@192.0.2.9:5060", REPLACES);
        assertEquals('<' + TARGET + '>', referTo);
        assertEquals(referTo, ReferTo.withReplaces("<sip:c@192.0.2.9:5060>", REPLACES));
        assertEquals("<sip:c@192.0.2.9?Subject=hi&Replaces=a%2Cb%20c%25%C3%A9>",
                ReferTo.withReplaces("sip:c@192.0.2.9?Subject=hi", "a,b c%é"));
        assertEquals("sip:c@192.0.2.9:5060", ReferTo.withoutHeaders(TARGET));
        assertEquals(Map.of("Replaces", REPLACES), ReferTo.headers(TARGET));
        assertEquals(Map.of(), ReferTo.headers("sip:c?d@192.0.2.9"), "a '?' in the user part is no header");
        assertThrows(IllegalArgumentException.class, () -> ReferTo.headers("sip:c@192.0.2.9?Replaces"));
        assertThrows(IllegalArgumentException.class, () -> ReferTo.headers("sip:c@192.0.2.9?Subject=a&Subject=b"));
    }

    @Test
    void anInviteToAUriWithReplacesCarriesItAsAHeader() {
        h.uac.call("sip:alice@192.0.2.1", TARGET, null, h.listener);
        h.uac.call("sip:alice@192.0.2.1", "\"Carol\" <" + TARGET + "&Subject=transfer>", null, h.listener);
        for (SipRequest invite : h.sent("INVITE")) {
            assertEquals("INVITE sip:c@192.0.2.9:5060 SIP/2.0", invite.startLine());
            assertEquals(REPLACES, invite.header("Replaces"));
            assertEquals(List.of("replaces"), invite.headerValues("Require"));
            assertEquals(new InetSocketAddress("192.0.2.9", 5060), h.destinationOf(invite));
        }
        assertEquals("<sip:c@192.0.2.9:5060>", h.sent("INVITE").get(0).header("To"));
        assertEquals("\"Carol\" <sip:c@192.0.2.9:5060>", h.sent("INVITE").get(1).header("To"));
        assertEquals("transfer", h.sent("INVITE").get(1).header("Subject"));
    }

    @Test
    void headersThatAUriMustNotSetAreRefused() {
        for (String header : List.of("Call-ID=x", "Via=SIP%2F2.0%2FUDP%20x", "Contact=%3Csip%3Ax%3E", "body=hi")) {
            String to = "sip:c@192.0.2.9?" + header;
            assertThrows(IllegalArgumentException.class, () -> h.uac.call("sip:alice@192.0.2.1", to, null, h.listener));
            assertThrows(IllegalArgumentException.class, () -> h.uac.checkCall("sip:alice@192.0.2.1", to, null));
        }
        assertThrows(IllegalArgumentException.class,
                () -> h.uac.checkCall("sip:alice@192.0.2.1", "sip:c@192.0.2.9?Replaces=abc%3Bto-tag%3D1", null));
        h.uac.checkCall("sip:alice@192.0.2.1", TARGET, null);
        assertTrue(h.sent("INVITE").isEmpty());
    }

    @Test
    void replacesValueAndRemoteTargetNameTheDialogToItsPeer() {
        InboundCall inbound = carol.invite();
        assertNull(inbound.replacesValue(), "no dialog yet");
        assertNull(inbound.remoteTarget());
        inbound.accept(UaHarness.SDP);
        String ours = h.lastResponse("INVITE").to().tag();
        assertEquals("in1@192.0.2.2;to-tag=c1;from-tag=" + ours, inbound.replacesValue());
        assertEquals("sip:carol@192.0.2.7:5064", inbound.remoteTarget());
        carol.ourTag = ours;
        carol.send("BYE", 2, null);
        assertNull(inbound.replacesValue(), "the dialog is over");

        OutboundCall outbound = h.call();
        h.receive(UaHarness.response(h.last("INVITE"), 180, "b1"));
        assertEquals(outbound.callId() + ";to-tag=b1;from-tag=" + outbound.localTag(), outbound.replacesValue());
        assertEquals("sip:bob@192.0.2.2:5062", outbound.remoteTarget());
        String referTo = ReferTo.withReplaces(outbound.remoteTarget(), outbound.replacesValue());
        String uri = referTo.substring(1, referTo.length() - 1);
        assertEquals(outbound.replacesValue(), ReferTo.headers(uri).get("Replaces"));
        assertEquals(new Replaces(outbound.callId(), "b1", outbound.localTag(), false),
                Replaces.parse(outbound.replacesValue()), "at the peer: its tag is the to-tag");
    }
}
