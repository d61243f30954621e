package org.sipee.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Records played-out frames to a 16-bit PCM WAV. The event loop only queues frames (no I/O there); the
 * file is opened by the caller of record() and written by the caller of stop(). The queue holds the
 * audio in memory until then: 16 kB per second of call.
 */
final class WavRecorder implements Recording, Consumer<short[]> {

    private final Path file;
    private final FileChannel channel;
    private final Runnable detach;
    private final ConcurrentLinkedQueue<short[]> frames = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong samples = new AtomicLong();

    /** Opens (creates or truncates) the file on the calling thread. */
    WavRecorder(Path file, Runnable detach) throws IOException {
        this.file = file;
        this.detach = detach;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        channel.write(ByteBuffer.wrap(WavFile.pcmHeader(0)));
    }

    /** A recorder of the receive path's played-out frames. */
    static WavRecorder attach(Path file, ReceivePath receive) throws IOException {
        WavRecorder[] self = new WavRecorder[1];
        self[0] = new WavRecorder(file, () -> receive.removeSink(self[0]));
        receive.addSink(self[0]);
        return self[0];
    }

    @Override
    public void accept(short[] frame) {
        if (!stopped.get()) {
            frames.add(frame);
            samples.addAndGet(frame.length);
        }
    }

    @Override
    public Duration recorded() {
        return Duration.ofMillis(samples.get() / 8);
    }

    @Override
    public synchronized Duration stop() throws IOException {
        if (!stopped.compareAndSet(false, true)) {
            return recorded();
        }
        detach.run();
        try (channel) {
            long bytes = 0;
            ByteBuffer buf = ByteBuffer.allocate(64 * 320).order(ByteOrder.LITTLE_ENDIAN);
            for (short[] f; (f = frames.poll()) != null; ) {
                if (buf.remaining() < 2 * f.length) {
                    bytes += flush(buf);
                }
                for (short s : f) {
                    buf.putShort(s);
                }
            }
            bytes += flush(buf);
            channel.write(ByteBuffer.wrap(WavFile.pcmHeader(bytes)), 0);
            samples.set(bytes / 2);
        }
        return recorded();
    }

    private long flush(ByteBuffer buf) throws IOException {
        buf.flip();
        long n = buf.remaining();
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        buf.clear();
        return n;
    }

    @Override
    public Path file() {
        return file;
    }
}
