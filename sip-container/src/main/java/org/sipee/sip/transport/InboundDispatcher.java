package org.sipee.sip.transport;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipMessage;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

/**
 * What every transport does with the bytes of one message: parse, count, answer what is malformed
 * but answerable (RFC 3261 §8.2, §16.3), stamp requests (§18.2.1) and report upward. Runs on the event loop.
 */
public final class InboundDispatcher {

    private static final System.Logger LOG = System.getLogger(InboundDispatcher.class.getName());

    private final RequestSink requests;
    private final ResponseSink responses;
    private final TransportCounters counters;

    public InboundDispatcher(RequestSink requests, ResponseSink responses, TransportCounters counters) {
        this.requests = requests;
        this.responses = responses;
        this.counters = counters;
    }

    /** Parses and counts; a malformed message is answered through {@code reply} when it can be, and yields null. */
    SipMessage parse(byte[] data, InetSocketAddress source, Consumer<SipResponse> reply) {
        try {
            SipMessage message = SipParser.parse(data);
            counters.countReceived();
            return message;
        } catch (SipParseException e) {
            counters.countMalformed();
            if (!answer(e.partialMessage(), e.statusCode(), e.reasonPhrase(), reply)) {
                LOG.log(Level.DEBUG, "dropping malformed message from {0}: {1}", source, e.getMessage());
            }
            return null;
        }
    }

    /** Stamps a request's top Via with the source (§18.2.1, RFC 3581) and hands the message upward. */
    void deliver(SipMessage message, InetSocketAddress source) {
        try {
            if (message instanceof SipRequest request) {
                ViaStamping.stamp(request, source);
                requests.onRequest(request, source);
            } else {
                responses.onResponse((SipResponse) message, source);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "failed to handle " + message + " from " + source, e);
        }
    }

    void countMalformed() {
        counters.countMalformed();
    }

    /**
     * Answers a broken request with an error status, back where it came from (its Via is not trusted), when it
     * carries what a UAC matches a response by (§8.2.6.2, §17.1.3) and is not an ACK; true when answered.
     */
    static boolean answer(SipMessage partial, int status, String reason, Consumer<SipResponse> reply) {
        if (partial instanceof SipRequest request && !request.isMethod("ACK") && canBeAnswered(request)) {
            try {
                reply.accept(Responses.create(request, status, reason, null));
                return true;
            } catch (SipParseException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean canBeAnswered(SipRequest request) {
        return request.header(HeaderNames.VIA) != null && request.header(HeaderNames.CALL_ID) != null
                && request.header(HeaderNames.CSEQ) != null && request.header(HeaderNames.FROM) != null
                && request.header(HeaderNames.TO) != null;
    }
}
