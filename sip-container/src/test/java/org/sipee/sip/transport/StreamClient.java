package org.sipee.sip.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A plain java.net.Socket SIP peer for tests: writes text, reads messages framed by Content-Length. */
final class StreamClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;

    StreamClient(InetSocketAddress server) throws IOException {
        socket = new Socket();
        socket.connect(server, 2000);
        socket.setSoTimeout(3000);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
    }

    InetSocketAddress local() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    void write(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** The next message as text (leading CRLFs skipped); fails after 3 s. */
    String read() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the server after " + head);
            }
            if (head.size() == 0 && (b == '\r' || b == '\n')) {
                continue;
            }
            head.write(b);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        String headers = head.toString(StandardCharsets.UTF_8);
        byte[] body = in.readNBytes(contentLength(headers));
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    /** Reads the raw bytes available within the timeout (for keep-alive pongs). */
    String readRaw(int count) throws IOException {
        return new String(in.readNBytes(count), StandardCharsets.ISO_8859_1);
    }

    /** True when the server closes the connection (EOF) within the timeout; whatever comes first is skipped. */
    boolean closedByServer() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private static int contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:") || lower.startsWith("l:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        throw new AssertionError("response without Content-Length on a stream: " + headers);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
