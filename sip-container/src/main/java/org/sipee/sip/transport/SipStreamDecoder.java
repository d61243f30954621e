package org.sipee.sip.transport;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.sipee.sip.transport.StreamFrame.Kind;

/**
 * Frames SIP messages on a byte stream (RFC 3261 §18.3): CRLFs between messages are skipped (§7.5) and a
 * CRLFCRLF among them is an RFC 5626 keep-alive ping; headers run to the empty line (at most
 * {@code maxHeaderBytes}); the body is exactly Content-Length bytes, which a stream must carry. Emits
 * {@link StreamFrame}s; after a framing failure the rest of the stream is discarded (the peer is cut off).
 */
final class SipStreamDecoder extends ByteToMessageDecoder {

    private enum State { SKIP_CRLF, HEADERS, BODY, DISCARD }

    private final int maxHeaderBytes;
    private final int maxMessageBytes;
    private State state = State.SKIP_CRLF;
    private int lineFeeds;
    private int scanned;
    private int headerLength;
    private int contentLength;

    SipStreamDecoder(int maxHeaderBytes, int maxMessageBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            switch (state) {
                case SKIP_CRLF -> skipLineBreaks(in, out);
                case HEADERS -> {
                    if (!readHeaders(in, out)) {
                        return;
                    }
                }
                case BODY -> {
                    if (in.readableBytes() < headerLength + contentLength) {
                        return;
                    }
                    out.add(new StreamFrame(Kind.MESSAGE, ByteBufUtil.getBytes(in, in.readerIndex(), headerLength + contentLength)));
                    in.skipBytes(headerLength + contentLength);
                    state = State.SKIP_CRLF;
                }
                case DISCARD -> in.skipBytes(in.readableBytes());
            }
        }
    }

    private void skipLineBreaks(ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            byte b = in.getByte(in.readerIndex());
            if (b == '\n' && ++lineFeeds == 2) {
                out.add(StreamFrame.of(Kind.KEEP_ALIVE)); // RFC 5626 §4.4.1: answered with a CRLF pong
                lineFeeds = 0;
            } else if (b != '\r' && b != '\n') {
                lineFeeds = 0;
                scanned = 0;
                state = State.HEADERS;
                return;
            }
            in.skipBytes(1);
        }
    }

    /** False while the empty line has not arrived yet. */
    private boolean readHeaders(ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int end = emptyLineEnd(in);
        if (end < 0) {
            if (startLineIsGarbage(in, start, start + in.readableBytes())) {
                return fail(in, out, StreamFrame.of(Kind.GARBAGE));
            }
            return in.readableBytes() > maxHeaderBytes ? fail(in, out, StreamFrame.of(Kind.TOO_LARGE)) : false;
        }
        headerLength = end - start;
        if (startLineIsGarbage(in, start, end)) {
            return fail(in, out, StreamFrame.of(Kind.GARBAGE));
        }
        byte[] head = headerLength > maxHeaderBytes ? new byte[0] : ByteBufUtil.getBytes(in, start, headerLength);
        if (headerLength > maxHeaderBytes) {
            return fail(in, out, new StreamFrame(Kind.TOO_LARGE, head));
        }
        int length = ContentLengthScanner.scan(in, start, headerLength);
        if (length < 0) {
            return fail(in, out, new StreamFrame(Kind.MISSING_CONTENT_LENGTH, head));
        }
        if ((long) headerLength + length > maxMessageBytes) {
            return fail(in, out, new StreamFrame(Kind.TOO_LARGE, head));
        }
        contentLength = length;
        state = State.BODY;
        return true;
    }

    /** Index just past the empty line ending the headers (LF LF or LF CR LF), or -1; resumes where it stopped. */
    private int emptyLineEnd(ByteBuf in) {
        int end = in.writerIndex();
        for (int i = in.readerIndex() + scanned; i < end; i++) {
            if (in.getByte(i) != '\n') {
                continue;
            }
            if (i + 1 >= end || (in.getByte(i + 1) == '\r' && i + 2 >= end)) {
                scanned = i - in.readerIndex();
                return -1;
            }
            if (in.getByte(i + 1) == '\n') {
                return i + 2;
            }
            if (in.getByte(i + 1) == '\r' && in.getByte(i + 2) == '\n') {
                return i + 3;
            }
        }
        scanned = Math.max(0, end - in.readerIndex() - 1);
        return -1;
    }

    /** A start line holds printable text only (§7.1, §7.2): anything else is not SIP. */
    private static boolean startLineIsGarbage(ByteBuf in, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = in.getByte(i);
            if (b == '\n') {
                return false;
            }
            if ((b < 0x20 && b != '\r' && b != '\t') || b == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private boolean fail(ByteBuf in, List<Object> out, StreamFrame failure) {
        out.add(failure);
        state = State.DISCARD;
        in.skipBytes(in.readableBytes());
        return true;
    }
}
