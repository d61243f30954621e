package org.sipee.sip.transport;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.sipee.sip.message.CSeq;
import org.sipee.sip.message.SipMessage;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.message.Via;

/**
 * RFC 3261 §18.2.2: a response goes back over the connection its request came on, if still open. Requests
 * are remembered by what their responses copy (top Via branch and sent-by, Call-ID for pre-3261 peers, CSeq
 * method); until the final response they pin their connection (it is not closed idle). After the final
 * response the route lingers one to two {@link #rotate()} periods, for retransmitted 2xx (§13.3.1.4).
 * Runs on the event loop; maps are concurrent for readers elsewhere.
 */
final class ResponseRoutes {

    private static final AttributeKey<Set<String>> PENDING = AttributeKey.valueOf("sipee.pendingResponses");

    private final Map<String, Channel> pending = new ConcurrentHashMap<>();
    private volatile Map<String, Channel> answered = new ConcurrentHashMap<>();
    private volatile Map<String, Channel> answeredBefore = new ConcurrentHashMap<>();

    /** Remembers the connection of a request that expects a response (all but ACK). */
    void remember(SipRequest request, Channel channel) {
        if (request.isMethod("ACK")) {
            return;
        }
        String key = key(request);
        if (key != null && !answered.containsKey(key) && !answeredBefore.containsKey(key)) { // not a late retransmission
            pending.put(key, channel);
            pendingOf(channel).add(key);
        }
    }

    /** The open connection to send this response on, or null; a final response ends the request's pin. */
    Channel channelFor(SipResponse response) {
        String key = key(response);
        if (key == null) {
            return null;
        }
        Channel channel = pending.get(key);
        if (channel != null && !response.isProvisional()) {
            pending.remove(key, channel);
            pendingOf(channel).remove(key);
            answered.put(key, channel);
        }
        if (channel == null) {
            channel = answered.get(key);
        }
        if (channel == null) {
            channel = answeredBefore.get(key);
        }
        return channel != null && channel.isActive() ? channel : null;
    }

    /** True while a request that came on the channel still awaits its final response. */
    boolean hasPending(Channel channel) {
        return !pendingOf(channel).isEmpty();
    }

    /** The channel closed: its routes go. */
    void forget(Channel channel) {
        Set<String> keys = channel.attr(PENDING).getAndSet(null);
        if (keys != null) {
            keys.forEach(key -> pending.remove(key, channel));
        }
    }

    /** Drops routes answered more than one period ago; called every 64*T1. */
    void rotate() {
        answeredBefore = answered;
        answered = new ConcurrentHashMap<>();
    }

    int size() {
        return pending.size() + answered.size() + answeredBefore.size();
    }

    private static Set<String> pendingOf(Channel channel) {
        Set<String> keys = channel.attr(PENDING).get();
        if (keys == null) {
            keys = new HashSet<>();
            Set<String> raced = channel.attr(PENDING).setIfAbsent(keys);
            keys = raced == null ? keys : raced;
        }
        return keys;
    }

    private static String key(SipMessage message) {
        try {
            Via via = message.topVia();
            CSeq cseq = message.cseq();
            if (via == null || cseq == null) {
                return null;
            }
            String transaction = via.hasMagicCookie() ? via.branch()
                    : via.branch() + ' ' + message.callId() + ' ' + cseq.number(); // §17.2.3 pre-3261 matching
            return transaction + ' ' + via.sentBy() + ' ' + cseq.method();
        } catch (SipParseException e) {
            return null;
        }
    }
}
