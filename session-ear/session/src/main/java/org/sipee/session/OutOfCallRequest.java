package org.sipee.session;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.sipee.sip.message.ReasonPhrases;
import org.sipee.sip.ua.OutOfDialogRequest;

/**
 * An OPTIONS or REGISTER outside any call, as @Options and @Register handlers receive it. A handler may answer it
 * once with {@link #respond}; when none has by the time they return, the default answer goes out (OPTIONS: 200 with
 * our capabilities; REGISTER: the built-in registrar, {@link Registrations}, after digest authentication).
 */
public final class OutOfCallRequest {

    private final OutOfDialogRequest request;
    private final AtomicBoolean responded = new AtomicBoolean();

    OutOfCallRequest(OutOfDialogRequest request) {
        this.request = request;
    }

    /** OPTIONS or REGISTER. */
    public String method() {
        return request.method();
    }

    public String requestUri() {
        return request.request().requestUri();
    }

    /** The From header value, as received. */
    public String from() {
        return request.request().header("From");
    }

    /** The To header value, as received: for a REGISTER, the address of record (RFC 3261 §10.2). */
    public String to() {
        return request.request().header("To");
    }

    /** The first value of a header (case-insensitive name, compact forms too), or null. */
    public String header(String name) {
        return request.request().header(name);
    }

    /** Every value of a header, comma-separated lists split (e.g. a REGISTER's Contact bindings). */
    public List<String> headers(String name) {
        return request.request().headerValues(name);
    }

    /** The body as UTF-8 text (empty without one). */
    public String body() {
        return new String(request.request().body(), StandardCharsets.UTF_8);
    }

    /** Answers with the status's RFC 3261 reason phrase. */
    public void respond(int status) {
        respond(status, ReasonPhrases.of(status), Map.of());
    }

    /**
     * Answers once (200..699) with extra headers, e.g. {@code respond(200, "OK", Map.of("Contact", binding + ";expires=600"))}
     * for a REGISTER (RFC 3261 §10.3).
     *
     * @throws IllegalStateException when already answered
     */
    public void respond(int status, String reason, Map<String, String> headers) {
        if (!responded.compareAndSet(false, true)) {
            throw new IllegalStateException(method() + " " + request.request().callId() + " is already answered");
        }
        request.respond(status, reason, headers);
    }

    /** Takes the answer over from the handlers, unless one answered: true when the caller must now answer it. */
    boolean claim() {
        return responded.compareAndSet(false, true);
    }

    /** Answers by default unless a handler did. */
    void answerIfUnanswered() {
        if (responded.compareAndSet(false, true)) {
            request.answerByDefault();
        }
    }

    @Override
    public String toString() {
        return method() + " " + requestUri();
    }
}
