package org.sipee.session;

import java.nio.charset.StandardCharsets;

import org.sipee.sip.message.SipRequest;

/** A request the peer sent in a call (INFO, MESSAGE, UPDATE), as its handlers receive it. */
public final class RequestReceived {

    private final Call call;
    private final SipRequest request;

    RequestReceived(Call call, SipRequest request) {
        this.call = call;
        this.request = request;
    }

    public Call call() {
        return call;
    }

    /** INFO, MESSAGE or UPDATE. */
    public String method() {
        return request.method();
    }

    /** The Content-Type of the body, or null without one. */
    public String contentType() {
        return request.header("Content-Type");
    }

    /** The body as UTF-8 text (empty without one). */
    public String body() {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    /** The first value of a header (e.g. Info-Package, RFC 6086 §7.2), or null. */
    public String header(String name) {
        return request.header(name);
    }

    @Override
    public String toString() {
        return method() + " in " + call.callId();
    }
}
