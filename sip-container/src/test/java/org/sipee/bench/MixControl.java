package org.sipee.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link MixLoadClient}'s end of {@link MixLoadServer}'s control protocol: one command line, one reply line. */
final class MixControl implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final PrintWriter out;

    MixControl(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
    }

    /** The server's streams for our phones' ports, in the same order. */
    int[] conference(int roomSize, int payloadType, List<Integer> phonePorts) {
        return ports(request("conference " + roomSize + " " + payloadType + " " + join(phonePorts)));
    }

    /** The server's legs for our phones' ports, taken in pairs (a, b), in the same order. */
    int[] bridge(int payloadTypeA, int payloadTypeB, List<Integer> phonePorts) {
        return ports(request("bridge " + payloadTypeA + " " + payloadTypeB + " " + join(phonePorts)));
    }

    /** The server's counters now: processCpuNs, loopsCpuNs, expected, lost, late, dropped, jitterMeanUs. */
    Map<String, Long> stats() {
        Map<String, Long> values = new HashMap<>();
        for (String pair : request("stats").split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    /** Closes everything on the server; the reply says how many of its ports were still open after its deadline. */
    String closeAll() {
        return request("close");
    }

    private String request(String line) {
        out.println(line);
        String reply;
        try {
            reply = in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("control connection to MixLoadServer failed", e);
        }
        if (reply == null || reply.startsWith("error")) {
            throw new IllegalStateException("MixLoadServer refused '" + line.split(" ")[0] + "': " + reply);
        }
        return reply;
    }

    private static int[] ports(String reply) {
        return Arrays.stream(reply.split(" ")).skip(1).mapToInt(Integer::parseInt).toArray();
    }

    private static String join(List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
