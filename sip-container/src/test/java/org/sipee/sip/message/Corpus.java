package org.sipee.sip.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Loads the byte-exact RFC 4475 and RFC 5118 messages from the test resources. */
final class Corpus {

    static final String[] RFC4475 = {"wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq", "dblreq",
            "semiuri", "transports", "mpart01", "unreason", "noreason", "badinv01", "clerr", "ncl", "scalar02",
            "scalarlg", "quotbal", "ltgtruri", "lwsruri", "lwsstart", "trws", "escruri", "baddate", "regbadct",
            "badaspec", "baddn", "badvers", "mismatch01", "mismatch02", "bigcode", "badbranch", "insuf", "unkscm",
            "novelsc", "unksm2", "bext01", "invut", "regaut01", "multi01", "mcl01", "bcast", "zeromf", "cparam01",
            "cparam02", "regescrt", "sdp01", "inv2543"};
    static final String[] RFC5118 = {"ipv6-good", "ipv6-bad", "port-ambiguous", "port-unambiguous",
            "via-received-param-with-delim", "via-received-param-no-delim", "ipv6-in-sdp", "mult-ip-in-header",
            "mult-ip-in-sdp", "ipv4-mapped-ipv6", "ipv6-bug-abnf-3-colons", "ipv6-correct-abnf-2-colons"};

    private Corpus() {
    }

    static byte[] load(String resource) {
        try (InputStream in = Corpus.class.getResourceAsStream("/" + resource + ".dat")) {
            assertNotNull(in, resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SipRequest request4475(String tag) {
        return (SipRequest) SipParser.parse(load("rfc4475/" + tag));
    }

    static SipResponse response4475(String tag) {
        return (SipResponse) SipParser.parse(load("rfc4475/" + tag));
    }

    static SipRequest request5118(String tag) {
        return (SipRequest) SipParser.parse(load("rfc5118/" + tag));
    }

    static SipParseException refused(String resource) {
        byte[] data = load(resource);
        return assertThrows(SipParseException.class, () -> SipParser.parse(data), resource);
    }
}
