package org.sipee.sip.transport;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

/**
 * Open (or opening) connections by remote address, inbound and outbound alike, so that a message to an
 * address goes over the connection already there (RFC 3261 §18.1.1, §18.2.2). An outbound connection is
 * listed from the moment its connect starts, so messages sent meanwhile wait for it instead of opening another.
 */
final class ConnectionTable {

    private final Map<InetSocketAddress, ChannelFuture> byRemote = new ConcurrentHashMap<>();

    /** The connection (possibly still connecting) to the address, or null. */
    ChannelFuture find(InetSocketAddress remote) {
        ChannelFuture found = byRemote.get(remote);
        if (found != null && found.isDone() && !found.channel().isActive()) {
            byRemote.remove(remote, found);
            return null;
        }
        return found;
    }

    /** Lists a connection being opened; returns the one already listed for the address instead, if any. */
    ChannelFuture addConnecting(InetSocketAddress remote, ChannelFuture connecting) {
        ChannelFuture existing = byRemote.putIfAbsent(remote, connecting);
        return existing == null ? connecting : existing;
    }

    /** Lists an established connection unless this channel is already listed for its address. */
    void addActive(Channel channel) {
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        byRemote.compute(remote, (address, existing) ->
                existing != null && existing.channel() == channel ? existing : channel.newSucceededFuture());
    }

    void remove(InetSocketAddress remote, Channel channel) {
        if (remote != null) {
            byRemote.computeIfPresent(remote, (address, existing) -> existing.channel() == channel ? null : existing);
        }
    }

    int size() {
        return byRemote.size();
    }
}
