package org.sipee.sip.message;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every valid torture message survives encode and parse unchanged, ASCII and UTF-8 (unreason, intmeth) alike. */
class SipSerializerTest {

    @ParameterizedTest
    @ValueSource(strings = {"rfc4475/wsinv", "rfc4475/intmeth", "rfc4475/esc01", "rfc4475/unreason", "rfc4475/mpart01",
            "rfc4475/longreq", "rfc4475/inv2543", "rfc5118/ipv4-mapped-ipv6", "rfc5118/via-received-param-no-delim"})
    void roundTrip(String resource) {
        SipMessage first = SipParser.parse(Corpus.load(resource));
        byte[] wire = SipSerializer.encode(first);
        SipMessage second = SipParser.parse(wire);
        assertEquals(first.startLine(), second.startLine());
        assertEquals(first.headers(), second.headers());
        assertArrayEquals(first.body(), second.body());
        String head = first.startLine() + "\r\n" + String.join("", first.headers().stream()
                .map(h -> h.name() + ": " + h.value() + "\r\n").toList()) + "\r\n";
        byte[] expected = head.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, java.util.Arrays.copyOf(wire, expected.length));
        assertEquals(expected.length + first.body().length, wire.length);
    }
}
