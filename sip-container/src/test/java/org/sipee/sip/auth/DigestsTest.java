package org.sipee.sip.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The digest computation against the examples of RFC 7616 §3.9.1 and RFC 2617 §3.5. */
class DigestsTest {

    static final String RFC7616_NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    static final String RFC7616_CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    static final String RFC7616_REALM = "http-auth@example.org";

    @Test
    void rfc7616Md5Example() {
        String ha1 = Digests.ha1(DigestAlgorithm.MD5, "Mufasa", RFC7616_REALM, "Circle of Life");
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", Digests.response(DigestAlgorithm.MD5, ha1, "GET",
                "/dir/index.html", RFC7616_NONCE, "00000001", RFC7616_CNONCE, "auth"));
    }

    @Test
    void rfc7616Sha256Example() {
        String ha1 = Digests.ha1(DigestAlgorithm.SHA_256, "Mufasa", RFC7616_REALM, "Circle of Life");
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                Digests.response(DigestAlgorithm.SHA_256, ha1, "GET", "/dir/index.html", RFC7616_NONCE, "00000001",
                        RFC7616_CNONCE, "auth"));
    }

    @Test
    void rfc7616AuthorizationHeaderParsesToTheSameResponse() throws DigestParseException {
        DigestCredentials c = DigestCredentials.parse("Digest username=\"Mufasa\",\r\n realm=\"http-auth@example.org\","
                .replace("\r\n", "") + " uri=\"/dir/index.html\", algorithm=SHA-256,\tnonce=\"" + RFC7616_NONCE
                + "\", nc=00000001, cnonce=\"" + RFC7616_CNONCE + "\", qop=auth, response=\""
                + "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", "
                + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
        DigestAlgorithm algorithm = c.digestAlgorithm().orElseThrow();
        assertEquals(DigestAlgorithm.SHA_256, algorithm);
        String expected = Digests.response(algorithm, Digests.ha1(algorithm, c.username(), c.realm(), "Circle of Life"),
                "GET", c.uri(), c.nonce(), c.nc(), c.cnonce(), c.qop());
        assertTrue(Digests.matches(expected, c.response()));
        assertEquals(1, c.nonceCount());
        assertFalse(c.toString().contains(c.response()), "toString leaves the response out");
    }

    @Test
    void rfc2617ExampleWithQopAndTheLegacyFormWithout() {
        String ha1 = Digests.ha1(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life");
        assertEquals("6629fae49393a05397450978507c4ef1", Digests.response(DigestAlgorithm.MD5, ha1, "GET",
                "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth"));
        // RFC 2069 form, H(HA1:nonce:HA2); the value is that of the RFC 2617 inputs, computed independently
        assertEquals("670fd8c2df070c60b045671b8b24ff02", Digests.response(DigestAlgorithm.MD5, ha1, "GET",
                "/dir/index.html", "dcd98b7102dd2f0e8b11d0f600bfb0c093", null, null, null));
    }

    @Test
    void matchingIgnoresHexCaseAndRejectsOtherLengths() {
        assertTrue(Digests.matches("8ca523f5e9506fed4657c9700eebdbec", "8CA523F5E9506FED4657C9700EEBDBEC"));
        assertFalse(Digests.matches("8ca523f5e9506fed4657c9700eebdbec", "8ca523f5e9506fed4657c9700eebdbe"));
        assertFalse(Digests.matches("8ca523f5e9506fed4657c9700eebdbec", "8ca523f5e9506fed4657c9700eebdbed"));
    }

    @Test
    void algorithmNames() {
        assertEquals(DigestAlgorithm.MD5, DigestAlgorithm.of(null).orElseThrow(), "RFC 7616 §3.3: absent is MD5");
        assertEquals(DigestAlgorithm.SHA_256, DigestAlgorithm.of("sha-256").orElseThrow());
        assertTrue(DigestAlgorithm.of("MD5-sess").isEmpty());
        assertTrue(DigestAlgorithm.of("SHA-512-256").isEmpty());
        assertEquals("SHA-256", DigestAlgorithm.SHA_256.wireName());
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", DigestAlgorithm.MD5.hash(""));
    }
}
