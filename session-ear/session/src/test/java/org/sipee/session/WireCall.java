package org.sipee.session;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.sipee.sip.ua.InboundCall;

/**
 * The stack's side of an inbound call for session unit tests: records each response as "status reason\nbody" and a
 * hang-up as "BYE". A proxy, so the tests do not break whenever the engine's call interface grows; methods the
 * session does not need return null.
 */
final class WireCall implements InvocationHandler {

    final List<String> sent = new CopyOnWriteArrayList<>();
    private final String callId;
    private final String offer;
    private volatile String ackSdp;

    /** @param offer the INVITE's SDP, null for a late offer */
    WireCall(String callId, String offer) {
        this.callId = callId;
        this.offer = offer;
    }

    /** The body the caller's ACK carries (the answer to a late offer). */
    void ackWith(String sdp) {
        ackSdp = sdp;
    }

    InboundCall call() {
        return (InboundCall) Proxy.newProxyInstance(InboundCall.class.getClassLoader(), new Class<?>[] {InboundCall.class}, this);
    }

    /** The body of the last response sent with this status. */
    String body(int status) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).startsWith(status + " ")) {
                return sent.get(i).substring(sent.get(i).indexOf('\n') + 1);
            }
        }
        throw new AssertionError("no " + status + " sent: " + sent);
    }

    /** The header lines of each reject, as given (a Map or a List). */
    final List<String> rejectHeaders = new CopyOnWriteArrayList<>();

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "callId": return callId;
            case "requestUri": return "sip:test@127.0.0.1";
            case "remoteSdp": return offer;
            case "ackSdp": return ackSdp;
            case "sendProvisional": sent.add(args[0] + " " + args[1] + "\n" + args[2]); return null;
            case "accept": sent.add("200 OK\n" + args[0]); return null;
            case "reject":
                sent.add(args[0] + " " + args[1] + "\n");
                rejectHeaders.add(args.length > 2 ? String.valueOf(args[2]) : "");
                return null;
            case "hangUp": sent.add("BYE"); return null;
            case "toString": return "WireCall" + sent;
            case "hashCode": return System.identityHashCode(proxy);
            case "equals": return proxy == args[0];
            default: return null;
        }
    }
}
