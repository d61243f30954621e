package org.sipee.sip.transport;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

/**
 * A message on a connection (possibly still connecting). Its first write completes {@link #delivery()};
 * a connect or write failure completes it exceptionally (§17.1.4 transport error). Resends use the same connection.
 */
final class StreamSentMessage implements SentMessage {

    private final ChannelFuture connection;
    private final byte[] encoded;
    private final InetSocketAddress destination;
    private final CompletableFuture<Void> delivery = new CompletableFuture<>();

    private StreamSentMessage(ChannelFuture connection, byte[] encoded, InetSocketAddress destination) {
        this.connection = connection;
        this.encoded = encoded;
        this.destination = destination;
    }

    static StreamSentMessage send(ChannelFuture connection, byte[] encoded, InetSocketAddress destination) {
        StreamSentMessage sent = new StreamSentMessage(connection, encoded, destination);
        sent.resend();
        return sent;
    }

    @Override
    public void resend() {
        connection.addListener(connected -> {
            if (!connected.isSuccess()) {
                fail("connect to " + destination + " failed: " + connected.cause(), connected.cause());
                return;
            }
            Channel channel = connection.channel();
            if (!channel.isActive()) {
                fail("connection to " + destination + " is closed", null);
                return;
            }
            channel.writeAndFlush(Unpooled.wrappedBuffer(encoded)).addListener(written -> {
                if (written.isSuccess()) {
                    delivery.complete(null);
                } else {
                    fail("write to " + destination + " failed: " + written.cause(), written.cause());
                }
            });
        });
    }

    private void fail(String message, Throwable cause) {
        delivery.completeExceptionally(new TransportException("TCP " + message, cause));
    }

    @Override
    public boolean reliable() {
        return true;
    }

    @Override
    public CompletionStage<Void> delivery() {
        return delivery.minimalCompletionStage();
    }
}
