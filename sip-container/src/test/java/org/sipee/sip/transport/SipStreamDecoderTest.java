package org.sipee.sip.transport;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.sipee.sip.transport.StreamFrame.Kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** RFC 3261 §18.3 framing on a stream, RFC 5626 keep-alives; no sockets. */
class SipStreamDecoderTest {

    private static final String OPTIONS = "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h:5060;branch=z9hG4bK1\r\n"
            + "Call-ID: c\r\nContent-Length: 4\r\n\r\nbody";

    private final EmbeddedChannel channel = new EmbeddedChannel(new SipStreamDecoder(1024, 2048));

    private void feed(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    private StreamFrame next() {
        return channel.readInbound();
    }

    private static String text(StreamFrame frame) {
        return new String(frame.bytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void twoMessagesInOneSegment() {
        feed(OPTIONS + OPTIONS.replace("branch=z9hG4bK1", "branch=z9hG4bK2"));
        assertEquals(OPTIONS, text(next()));
        assertEquals(OPTIONS.replace("branch=z9hG4bK1", "branch=z9hG4bK2"), text(next()));
        assertNull(next());
    }

    @Test
    void oneMessageByteByByte() {
        for (char c : OPTIONS.toCharArray()) {
            assertNull(next());
            feed(String.valueOf(c));
        }
        assertEquals(OPTIONS, text(next()));
        assertNull(next());
    }

    @Test
    void leadingLineBreaksSkippedAndDoubleCrlfIsAKeepAlive() {
        feed("\r\n");
        assertNull(next());
        feed("\r\n\r\n\r\n" + OPTIONS);
        assertEquals(Kind.KEEP_ALIVE, next().kind()); // RFC 5626 ping
        assertEquals(Kind.KEEP_ALIVE, next().kind());
        assertEquals(OPTIONS, text(next()));
    }

    @Test
    void compactContentLengthAndBareLineFeeds() {
        String message = "MESSAGE sip:a@b SIP/2.0\nl: 2\n\nhi";
        feed(message);
        assertEquals(message, text(next()));
    }

    @Test
    void missingContentLengthLosesTheFraming() {
        String head = "OPTIONS sip:a@b SIP/2.0\r\nCall-ID: c\r\n\r\n";
        feed(head + OPTIONS);
        StreamFrame frame = next();
        assertEquals(Kind.MISSING_CONTENT_LENGTH, frame.kind());
        assertEquals(head, text(frame));
        assertNull(next()); // the rest is discarded
        feed(OPTIONS);
        assertNull(next());
    }

    @Test
    void conflictingOrNonNumericContentLength() {
        feed("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 1\r\nl: 2\r\n\r\nxx");
        assertEquals(Kind.MISSING_CONTENT_LENGTH, next().kind());
        EmbeddedChannel other = new EmbeddedChannel(new SipStreamDecoder(1024, 2048));
        other.writeInbound(Unpooled.copiedBuffer("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: -1\r\n\r\n", StandardCharsets.US_ASCII));
        assertEquals(Kind.MISSING_CONTENT_LENGTH, ((StreamFrame) other.readInbound()).kind());
    }

    @Test
    void oversizeHeadersOrBody() {
        feed("OPTIONS sip:a@b SIP/2.0\r\nX: " + "a".repeat(1100));
        assertEquals(Kind.TOO_LARGE, next().kind());
        EmbeddedChannel other = new EmbeddedChannel(new SipStreamDecoder(1024, 2048));
        other.writeInbound(Unpooled.copiedBuffer("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 5000\r\n\r\n", StandardCharsets.US_ASCII));
        StreamFrame frame = other.readInbound();
        assertEquals(Kind.TOO_LARGE, frame.kind());
        assertEquals("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 5000\r\n\r\n", text(frame)); // to answer 413
    }

    @Test
    void binaryGarbageIsRecognisedAtOnce() {
        feed("\u0016\u0003\u0001\u0002\u0000"); // a TLS ClientHello on the TCP port
        assertEquals(Kind.GARBAGE, next().kind());
    }
}
