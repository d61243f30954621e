package org.sipee.rar;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.sipee.media.DtmfEvent;
import org.sipee.media.FrameFeed;
import org.sipee.media.Recording;
import org.sipee.media.RtpStream;
import org.sipee.media.RtpStreamStats;
import org.sipee.media.StreamQuality;

/**
 * The stream the adapter hands out when media events are on: the engine's stream, with the call's events taken off
 * it without taking anything from the application. The engine keeps a list of DTMF listeners (ours is one more); its
 * media timeout has one callback, the application's, so ours runs inside it, and only while the application keeps
 * it armed (no failure is reported while it disarmed the timeout, e.g. on hold).
 */
final class EventingRtpStream implements RtpStream {

    private final RtpStream stream;
    private final StreamEvents events;
    private final Runnable onClosed;

    /** @param onClosed runs once the stream is closed (the dispatcher stops ticking it) */
    EventingRtpStream(RtpStream stream, StreamEvents events, Runnable onClosed) {
        this.stream = stream;
        this.events = events;
        this.onClosed = onClosed;
        stream.onDtmf(events::dtmf);
    }

    @Override
    public void onMediaTimeout(Duration timeout, Runnable callback) {
        stream.onMediaTimeout(timeout, callback == null ? null : () -> {
            events.mediaTimeout(timeout);
            callback.run();
        });
    }

    @Override
    public void close() {
        events.stop();
        stream.close();
        onClosed.run();
    }

    @Override public int localPort() { return stream.localPort(); }
    @Override public void connect(InetSocketAddress remote, int payloadType) { stream.connect(remote, payloadType); }
    @Override public void connect(InetSocketAddress remote, int payloadType, String encodingName) { stream.connect(remote, payloadType, encodingName); }
    @Override public void telephoneEventPayloadType(int payloadType) { stream.telephoneEventPayloadType(payloadType); }
    @Override public void playTone(double frequencyHz) { stream.playTone(frequencyHz); }
    @Override public CompletableFuture<Boolean> play(Path wav) throws IOException { return stream.play(wav); }
    @Override public CompletableFuture<Boolean> playTone(double frequencyHz, Duration duration) { return stream.playTone(frequencyHz, duration); }
    @Override public void echo() { stream.echo(); }
    @Override public FrameFeed playFeed() { return stream.playFeed(); }
    @Override public void sending(boolean sending) { stream.sending(sending); }
    @Override public void mute(boolean muted) { stream.mute(muted); }
    @Override public void stopPlaying() { stream.stopPlaying(); }
    @Override public void sendDtmf(char digit, Duration duration) { stream.sendDtmf(digit, duration); }
    @Override public void onDtmf(Consumer<DtmfEvent> listener) { stream.onDtmf(listener); }
    @Override public void removeDtmfListener(Consumer<DtmfEvent> listener) { stream.removeDtmfListener(listener); }
    @Override public void onAudio(Consumer<short[]> frames) { stream.onAudio(frames); }
    @Override public void removeAudioListener(Consumer<short[]> frames) { stream.removeAudioListener(frames); }
    @Override public Recording record(Path wav) throws IOException { return stream.record(wav); }
    @Override public InetSocketAddress remoteAddress() { return stream.remoteAddress(); }
    @Override public RtpStreamStats stats() { return stream.stats(); }
    @Override public StreamQuality quality() { return stream.quality(); }

    @Override
    public String toString() {
        return stream + " of call " + events.callId();
    }
}
