package org.sipee.media;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test relay on an RTP/RTCP port pair: forwards RTP to a destination port dropping and swapping
 * packets with a seeded Random (so a run is reproducible), and RTCP unchanged to the destination's
 * port + 1. Runs two test threads with blocking sockets.
 */
final class LossyRelay implements AutoCloseable {

    private final DatagramSocket rtp;
    private final DatagramSocket rtcp;
    private final InetSocketAddress to;
    private final InetSocketAddress toRtcp;
    private final Random random;
    private final double loss;
    private final double reorder;
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger swapped = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private volatile boolean running = true;

    LossyRelay(int port, int destinationPort, long seed, double loss, double reorder) throws SocketException {
        this.rtp = new DatagramSocket(port, Loopback.LOOPBACK);
        this.rtcp = new DatagramSocket(port + 1, Loopback.LOOPBACK);
        this.to = new InetSocketAddress(Loopback.LOOPBACK, destinationPort);
        this.toRtcp = new InetSocketAddress(Loopback.LOOPBACK, destinationPort + 1);
        this.random = new Random(seed);
        this.loss = loss;
        this.reorder = reorder;
        start("relay-rtp", this::relayRtp);
        start("relay-rtcp", this::relayRtcp);
    }

    private static void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(Loopback.LOOPBACK, rtp.getLocalPort());
    }

    int dropped() {
        return dropped.get();
    }

    int swapped() {
        return swapped.get();
    }

    int forwarded() {
        return forwarded.get();
    }

    private void relayRtp() {
        byte[] held = null;
        byte[] buf = new byte[2048];
        while (running) {
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            try {
                rtp.setSoTimeout(100);
                rtp.receive(in);
                byte[] data = java.util.Arrays.copyOf(in.getData(), in.getLength());
                if (random.nextDouble() < loss) {
                    dropped.incrementAndGet();
                    continue;
                }
                if (held == null && random.nextDouble() < reorder) {
                    held = data; // goes out after the next packet
                    swapped.incrementAndGet();
                    continue;
                }
                send(rtp, data, to);
                if (held != null) {
                    send(rtp, held, to);
                    held = null;
                }
            } catch (SocketTimeoutException idle) {
                if (held != null) {
                    send(rtp, held, to);
                    held = null;
                }
            } catch (Exception e) {
                return;
            }
        }
    }

    private void relayRtcp() {
        byte[] buf = new byte[2048];
        while (running) {
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            try {
                rtcp.setSoTimeout(100);
                rtcp.receive(in);
                send(rtcp, java.util.Arrays.copyOf(in.getData(), in.getLength()), toRtcp);
            } catch (SocketTimeoutException idle) {
                // loop
            } catch (Exception e) {
                return;
            }
        }
    }

    private void send(DatagramSocket s, byte[] data, InetSocketAddress dest) {
        try {
            s.send(new DatagramPacket(data, data.length, dest));
            if (s == rtp) {
                forwarded.incrementAndGet();
            }
        } catch (Exception ignored) {
            // socket closed at the end of the test
        }
    }

    @Override
    public void close() {
        running = false;
        rtp.close();
        rtcp.close();
    }
}
