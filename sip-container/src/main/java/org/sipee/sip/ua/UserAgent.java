package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.util.List;

import org.sipee.sip.message.SipRequest;

/**
 * The UAC core (RFC 3261 §8.1, §13.2): places outbound calls. Responses reach the calls through the
 * {@link org.sipee.sip.transaction.ClientTransactionLayer} given in the {@link UacSetup}; the callee's in-dialog
 * requests (BYE) arrive through the {@link UasCore}, which shares the dialog table. Thread-safe: {@link #call}
 * may be called from any thread and never blocks; everything else happens on the event loop.
 */
public final class UserAgent {

    private final UacContext ctx;

    public UserAgent(UacSetup setup) {
        this.ctx = new UacContext(setup);
    }

    /**
     * Places a call to the host and port of the callee's URI, which must be an IP literal (no DNS here).
     *
     * @param from     our identity: a SIP URI or name-addr; the stack adds the tag
     * @param to       the callee: a SIP URI or name-addr; its URI becomes the Request-URI. Headers in that URI
     *                 (RFC 3261 §19.1.5, e.g. {@code ?Replaces=...} in {@link IncomingRefer#targetUri()}) are added
     *                 to the INVITE instead; only Replaces (then with Require: replaces), Referred-By, Subject and
     *                 Priority may be set that way
     * @param sdp      the SDP offer, or null for an INVITE without body
     * @param listener told about the call on the event loop
     * @throws IllegalArgumentException when from or to is malformed, the callee's host is not an IP literal, or
     *                                  its URI carries another header
     */
    public OutboundCall call(String from, String to, String sdp, OutboundCallListener listener) {
        return call(from, to, sdp, null, listener);
    }

    /**
     * Places a call through {@code nextHop} (an outbound proxy, or the callee's resolved address); null means the
     * host and port of the callee's URI.
     */
    public OutboundCall call(String from, String to, String sdp, InetSocketAddress nextHop, OutboundCallListener listener) {
        return call(newCallId(), from, to, sdp, nextHop, listener);
    }

    /** With a Call-ID from {@link #newCallId()}, for a caller that must know it before the INVITE goes out. */
    public OutboundCall call(String callId, String from, String to, String sdp, InetSocketAddress nextHop,
                             OutboundCallListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        SipRequest invite = OutboundInvite.build(callId, from, to, sdp, ctx.setup().localAddress().get(), ctx.setup().policy());
        ClientCall call = new ClientCall(ctx, invite, destination(invite, nextHop), listener);
        ctx.execute(call::start);
        return call;
    }

    /** A fresh Call-ID (RFC 3261 §8.1.1.4). */
    public String newCallId() {
        return OutboundInvite.newCallId(ctx.setup().localAddress().get());
    }

    /**
     * Checks that a call from {@code from} to {@code to} could be placed, without placing it.
     *
     * @throws IllegalArgumentException as {@link #call(String, String, String, OutboundCallListener)} would
     */
    public void checkCall(String from, String to, InetSocketAddress nextHop) {
        destination(OutboundInvite.build(newCallId(), from, to, null, ctx.setup().localAddress().get(), ctx.setup().policy()), nextHop);
    }

    private static InetSocketAddress destination(SipRequest invite, InetSocketAddress nextHop) {
        InetSocketAddress destination = nextHop != null ? nextHop : NextHop.of(invite.requestUri(), null);
        if (destination == null) {
            throw new IllegalArgumentException("no next hop for " + invite.requestUri()
                    + ": the host must be an IP literal, or pass the next hop");
        }
        return destination;
    }

    /** Ends every live outbound call without sending anything (stack close); run on the event loop. */
    public void shutdown() {
        List.copyOf(ctx.calls()).forEach(ClientCall::shutdown);
    }

    /** Outbound calls not yet ended. */
    public int liveCalls() {
        return ctx.calls().size();
    }
}
