package org.sipee.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * RIFF/WAVE files of telephone audio: reads 8 kHz mono 16-bit PCM (format 1), A-law (6) and µ-law (7)
 * into 16-bit samples; anything else is refused with a message saying what the file has and what is
 * needed (there is no resampling). Writes 8 kHz mono 16-bit PCM.
 */
public final class WavFile {

    public static final int PCM = 1;
    public static final int ALAW = 6;
    public static final int ULAW = 7;
    static final int HEADER_SIZE = 44;

    private WavFile() {
    }

    /** Reads and decodes the whole file (blocking I/O: call it off the event loops). */
    public static short[] read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) { // "RIFF", "WAVE"
            throw new IOException(file + " is not a WAV file (no RIFF/WAVE header)");
        }
        int pos = 12;
        int format = -1;
        int bits = 0;
        while (pos + 8 <= b.limit()) {
            int id = b.getInt(pos);
            long size = b.getInt(pos + 4) & 0xFFFFFFFFL;
            int body = pos + 8;
            if (id == 0x20746d66) {                                     // "fmt "
                if (size < 16 || body + 16 > b.limit()) {
                    throw new IOException(file + ": truncated fmt chunk");
                }
                format = b.getShort(body) & 0xFFFF;
                int channels = b.getShort(body + 2);
                int rate = b.getInt(body + 4);
                bits = b.getShort(body + 14);
                boolean ok = channels == 1 && rate == 8000
                        && (format == PCM && bits == 16 || (format == ALAW || format == ULAW) && bits == 8);
                if (!ok) {
                    throw new IOException(file + ": unsupported WAV format " + describe(format) + ", " + channels
                            + " channel(s), " + rate + " Hz, " + bits + " bits; need 8000 Hz mono 16-bit PCM, A-law or µ-law");
                }
            } else if (id == 0x61746164) {                              // "data"
                if (format < 0) {
                    throw new IOException(file + ": data chunk before fmt chunk");
                }
                int length = (int) Math.min(size, b.limit() - body);    // tolerate a header that overstates
                return decode(b, body, length, format);
            }
            pos = body + (int) size + (int) (size & 1);                 // chunks are padded to even sizes
        }
        throw new IOException(file + ": no " + (format < 0 ? "fmt" : "data") + " chunk");
    }

    private static short[] decode(ByteBuffer b, int at, int length, int format) {
        if (format == PCM) {
            short[] out = new short[length / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = b.getShort(at + 2 * i);
            }
            return out;
        }
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            out[i] = format == ALAW ? G711.alawToLinear(b.get(at + i)) : G711.ulawToLinear(b.get(at + i));
        }
        return out;
    }

    private static String describe(int format) {
        return switch (format) {
            case PCM -> "PCM";
            case ALAW -> "A-law";
            case ULAW -> "µ-law";
            case 0xFFFE -> "WAVE_FORMAT_EXTENSIBLE";
            default -> "code " + format;
        };
    }

    /** The 44-byte header of an 8 kHz mono 16-bit PCM file with {@code dataBytes} of samples. */
    public static byte[] pcmHeader(long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0x46464952).putInt((int) (36 + dataBytes)).putInt(0x45564157);
        h.putInt(0x20746d66).putInt(16).putShort((short) PCM).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        h.putInt(0x61746164).putInt((int) dataBytes);
        return h.array();
    }

    /** Writes samples as an 8 kHz mono 16-bit PCM file (blocking I/O). */
    public static void write(Path file, short[] samples) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(pcmHeader(2L * samples.length));
        for (short s : samples) {
            b.putShort(s);
        }
        Files.write(file, b.array());
    }
}
