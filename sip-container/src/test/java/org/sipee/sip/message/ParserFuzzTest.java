package org.sipee.sip.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Whatever bytes arrive, the parser either returns a message or throws {@link SipParseException}: mutations
 * (flips, truncations, insertions, duplications) of the torture messages, with a fixed seed so a failure repeats.
 * What the transport does with a result (serialize it, answer a partial request) must not throw either.
 */
class ParserFuzzTest {

    private static final long SEED = 4475_5118L;
    private static final int ITERATIONS = 20_000;
    /** Bytes that matter to the grammar, inserted more often than random ones. */
    private static final byte[] SPECIAL = " \t\r\n:;,=<>\"\\[]%@/.0123456789-+eE\u007f\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    @Test
    void parserThrowsOnlySipParseException() {
        List<byte[]> seeds = new ArrayList<>();
        for (String tag : Corpus.RFC4475) {
            seeds.add(Corpus.load("rfc4475/" + tag));
        }
        for (String tag : Corpus.RFC5118) {
            seeds.add(Corpus.load("rfc5118/" + tag));
        }
        Random random = new Random(SEED);
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = seeds.get(random.nextInt(seeds.size()));
            int rounds = 1 + random.nextInt(4);
            for (int r = 0; r < rounds; r++) {
                input = mutate(input, random);
            }
            try {
                SipMessage message = SipParser.parse(input);
                SipSerializer.encode(message);
                parsed++;
            } catch (SipParseException e) {
                if (e.partialMessage() instanceof SipRequest request && request.header("Via") != null) {
                    SipSerializer.encode(Responses.create(request, e.statusCode(), e.reasonPhrase(), null));
                }
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("iteration " + i + " threw " + e + " for input: " + new String(input, java.nio.charset.StandardCharsets.ISO_8859_1), e);
            }
        }
        assertTrue(parsed > 1000 && refused > 1000, "mutations exercise both outcomes: " + parsed + " parsed, " + refused + " refused");
    }

    private static byte[] mutate(byte[] data, Random random) {
        if (data.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(data.length);
        switch (random.nextInt(6)) {
            case 0 -> { // flip bits of one byte
                byte[] copy = data.clone();
                copy[at] ^= (byte) (1 << random.nextInt(8));
                return copy;
            }
            case 1 -> { // replace a byte by a grammar character
                byte[] copy = data.clone();
                copy[at] = SPECIAL[random.nextInt(SPECIAL.length)];
                return copy;
            }
            case 2 -> { // truncate
                return Arrays.copyOf(data, at);
            }
            case 3 -> { // insert random or grammar bytes
                int n = 1 + random.nextInt(8);
                byte[] insert = new byte[n];
                for (int k = 0; k < n; k++) {
                    insert[k] = random.nextBoolean() ? (byte) random.nextInt(256) : SPECIAL[random.nextInt(SPECIAL.length)];
                }
                return splice(data, at, at, insert);
            }
            case 4 -> { // delete a run
                int end = Math.min(data.length, at + 1 + random.nextInt(16));
                return splice(data, at, end, new byte[0]);
            }
            default -> { // duplicate a run (repeated headers, lines, digits)
                int end = Math.min(data.length, at + 1 + random.nextInt(64));
                return splice(data, at, at, Arrays.copyOfRange(data, at, end));
            }
        }
    }

    private static byte[] splice(byte[] data, int from, int to, byte[] insert) {
        byte[] out = new byte[data.length - (to - from) + insert.length];
        System.arraycopy(data, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(data, to, out, from + insert.length, data.length - to);
        return out;
    }
}
