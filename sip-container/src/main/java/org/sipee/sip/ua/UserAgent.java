package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.util.List;

import org.sipee.sip.auth.UacCredentials;
import org.sipee.sip.message.SipRequest;

/**
 * The UAC core (RFC 3261 §8.1, §13.2, §10.2): places outbound calls and keeps registrations. Responses reach them
 * through the {@link org.sipee.sip.transaction.ClientTransactionLayer} given in the {@link UacSetup}; the callee's
 * in-dialog requests (BYE) arrive through the {@link UasCore}, which shares the dialog table. Thread-safe:
 * {@link #call} and {@link #register} may be called from any thread and never block; everything else happens on
 * the event loop.
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
        return call(callId, from, to, sdp, nextHop, null, listener);
    }

    /**
     * With credentials that answer a 401 or 407 to the INVITE (RFC 3261 §22.2): the INVITE is sent again with
     * Authorization or Proxy-Authorization, once per challenge (again when it says stale=true); a second challenge
     * fails the call with its status. Null credentials: a 401/407 fails the call. Requests later sent in the
     * call's dialog (BYE, re-INVITE, ...) carry no credentials.
     */
    public OutboundCall call(String callId, String from, String to, String sdp, InetSocketAddress nextHop,
                             UacCredentials credentials, OutboundCallListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        SipRequest invite = OutboundInvite.build(callId, from, to, sdp, ctx.setup().localAddress().get(), ctx.setup().policy());
        ClientCall call = new ClientCall(ctx, invite, destination(invite, nextHop), credentials, listener);
        ctx.execute(call::start);
        return call;
    }

    /**
     * Registers {@code settings.aor()} at the registrar and keeps it registered until
     * {@link OutboundRegistration#close()} (RFC 3261 §10.2).
     *
     * @param listener told about the registration on the event loop
     * @throws IllegalArgumentException when the registrar is not a SIP URI, the AOR or contact is malformed, or
     *                                  there is no next hop (the registrar's host must be an IP literal)
     */
    public OutboundRegistration register(OutboundRegistration.Settings settings, RegistrationListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        SipRequest register = RegisterRequest.first(settings, newCallId(), ctx.setup().localAddress().get());
        InetSocketAddress destination = destination(register, settings.nextHop());
        ClientRegistration registration = new ClientRegistration(ctx, register, destination, settings, listener);
        ctx.execute(registration::start);
        return registration;
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

    private static InetSocketAddress destination(SipRequest request, InetSocketAddress nextHop) {
        InetSocketAddress destination = nextHop != null ? nextHop : NextHop.of(request.requestUri(), null);
        if (destination == null) {
            throw new IllegalArgumentException("no next hop for " + request.requestUri()
                    + ": the host must be an IP literal, or pass the next hop");
        }
        return destination;
    }

    /** Ends every live outbound call and registration without sending anything (stack close); run on the event loop. */
    public void shutdown() {
        List.copyOf(ctx.calls()).forEach(ClientCall::shutdown);
        List.copyOf(ctx.registrations()).forEach(ClientRegistration::shutdown);
    }

    /** Outbound calls not yet ended. */
    public int liveCalls() {
        return ctx.calls().size();
    }
}
