package org.sipee.sip.dialog;

import java.util.ArrayList;
import java.util.List;

import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.NameAddress;
import org.sipee.sip.message.SipParseException;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipUri;

/**
 * Requests we send inside a dialog (RFC 3261 §12.2.1.1): To and From from the dialog (with tags), its Call-ID,
 * the Request-URI and Route from the remote target and route set (loose routing when the first route has
 * {@code lr}, strict routing otherwise). The Via is added below, by the transaction layer.
 */
public final class DialogRequests {

    private DialogRequests() {
    }

    /** A new request (e.g. BYE) with the next local sequence number. */
    public static SipRequest create(Dialog dialog, String method) {
        return build(dialog, method, dialog.nextLocalCSeq());
    }

    /** §13.2.2.4: the ACK for a 2xx carries the INVITE's CSeq number (not a new one) and method ACK. */
    public static SipRequest ackFor2xx(Dialog dialog, long inviteCSeq) {
        return build(dialog, "ACK", inviteCSeq);
    }

    /**
     * The URI the request goes to before DNS (§8.1.2): the first route when there is a route set, else the
     * remote target; null when the dialog has neither.
     */
    public static String nextHopUri(Dialog dialog) {
        List<String> routes = dialog.routeSet();
        return routes.isEmpty() ? dialog.remoteTarget() : routeUri(routes.get(0));
    }

    private static SipRequest build(Dialog dialog, String method, long cseq) {
        List<String> routes = dialog.routeSet();
        String requestUri = dialog.remoteTarget();
        List<String> routeHeaders = new ArrayList<>(routes);
        if (!routes.isEmpty() && !isLooseRouter(routes.get(0))) { // §12.2.1.1 strict routing
            requestUri = withoutParams(routeUri(routes.get(0)));
            routeHeaders.remove(0);
            routeHeaders.add('<' + dialog.remoteTarget() + '>');
        }
        SipRequest request = new SipRequest(method, requestUri);
        for (String route : routeHeaders) {
            request.addHeader("Route", route);
        }
        request.addHeader(HeaderNames.MAX_FORWARDS, "70");
        request.addHeader(HeaderNames.FROM, dialog.localParty());
        request.addHeader(HeaderNames.TO, dialog.remoteParty());
        request.addHeader(HeaderNames.CALL_ID, dialog.id().callId());
        request.addHeader(HeaderNames.CSEQ, cseq + " " + method);
        request.addHeader(HeaderNames.CONTENT_LENGTH, "0");
        return request;
    }

    private static String routeUri(String route) {
        try {
            return NameAddress.parse(route, "Route").uri();
        } catch (SipParseException e) {
            return route;
        }
    }

    private static boolean isLooseRouter(String route) {
        try {
            return SipUri.parse(routeUri(route)).params().containsKey("lr");
        } catch (SipParseException e) {
            return true;
        }
    }

    /** A Request-URI does not carry the route's URI parameters such as lr or maddr (§12.2.1.1, §19.1.1). */
    private static String withoutParams(String uri) {
        int semicolon = uri.indexOf(';');
        return semicolon < 0 ? uri : uri.substring(0, semicolon);
    }
}
