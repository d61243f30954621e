package org.sipee.sip.transport;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.netty.channel.EventLoopGroup;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.message.Via;

/**
 * The transport layer (RFC 3261 §18) as the transaction layer sees it: a registry of {@link Transport}s by
 * name, all bound to one address and port, with {@link #sendRequest} (the client transactions'
 * RequestChannel) and {@link #sendResponse} (the server transactions' ResponseChannel). Inbound messages
 * of every transport go up through one {@link InboundDispatcher}.
 */
public final class SipTransports {

    private static final System.Logger LOG = System.getLogger(SipTransports.class.getName());
    /** Port-0 binds retried when the port the first transport got is taken for another one. */
    private static final int EPHEMERAL_BIND_ATTEMPTS = 10;

    private final Map<String, Transport> byName = new LinkedHashMap<>();
    private final TransportCounters counters = new TransportCounters();

    public SipTransports(List<Transport> transports) {
        if (transports.isEmpty()) {
            throw new IllegalArgumentException("at least one transport is needed");
        }
        for (Transport transport : transports) {
            if (byName.putIfAbsent(transport.name(), transport) != null) {
                throw new IllegalArgumentException("transport " + transport.name() + " given twice");
            }
        }
    }

    /**
     * Binds every transport to the same address and port (§18: one port for UDP and TCP). With port 0 the first
     * transport picks a free port and the others take the same; that is retried when the port is taken for them.
     */
    public void bind(EventLoopGroup group, InetSocketAddress address, RequestSink requests, ResponseSink responses)
            throws IOException {
        InboundDispatcher inbound = new InboundDispatcher(requests, responses, counters);
        int attempts = address.getPort() == 0 ? EPHEMERAL_BIND_ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            List<Transport> bound = new ArrayList<>();
            try {
                InetSocketAddress at = address;
                for (Transport transport : byName.values()) {
                    transport.bind(group, at, inbound);
                    bound.add(transport);
                    at = new InetSocketAddress(address.getAddress(), transport.localAddress().getPort());
                }
                return;
            } catch (BindException e) {
                bound.forEach(Transport::close);
                if (attempt >= attempts) {
                    throw e;
                }
                LOG.log(Level.DEBUG, "port taken for another transport, binding again: {0}", e.getMessage());
            } catch (IOException | RuntimeException e) {
                bound.forEach(Transport::close);
                throw e;
            }
        }
    }

    /**
     * Sends a request to the destination (§18.1.1): the transport is chosen by {@link TransportSelection}, the top
     * Via rewritten to it and our address; the result is {@code reliable()} for TCP and its {@code delivery()}
     * fails with a {@link TransportException} when the connection cannot be made (§17.1.4).
     * @throws IllegalArgumentException when the request has no Via or its Via names a transport not bound
     */
    public SentMessage sendRequest(SipRequest request, InetSocketAddress destination) {
        TransportSelection.Choice choice = TransportSelection.choose(request, names(), name -> transport(name).localAddress());
        return transport(choice.transport()).send(choice.encoded(), destination);
    }

    /** Sends a response over the transport its top Via names (§18.2.2); for TCP over the request's connection. */
    public SentMessage sendResponse(SipResponse response) {
        Transport transport = null;
        try {
            Via via = response.topVia();
            transport = via == null ? null : byName.get(via.transport());
        } catch (SipParseException e) {
            LOG.log(Level.DEBUG, "unparseable top Via: {0}", e.getMessage());
        }
        if (transport == null) {
            LOG.log(Level.WARNING, "no transport for the top Via of {0}; not sent", response);
            return SentMessage.NOT_SENT;
        }
        return transport.sendResponse(response);
    }

    /** The transport of that name ("UDP", "TCP"), or null when not configured. */
    public Transport transport(String name) {
        return byName.get(name);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }

    /** The address the first transport is bound to (all share address and port). */
    public InetSocketAddress localAddress() {
        return byName.values().iterator().next().localAddress();
    }

    public TransportCounters counters() {
        return counters;
    }

    /** Open connections over all transports. */
    public int connections() {
        return byName.values().stream().mapToInt(Transport::connections).sum();
    }

    /** Closes every listener and connection and waits for them. */
    public void close() {
        byName.values().forEach(Transport::close);
    }
}
