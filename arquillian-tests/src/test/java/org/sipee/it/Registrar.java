package org.sipee.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.sipee.session.Options;
import org.sipee.session.OutOfCallRequest;
import org.sipee.session.Register;

/**
 * @Register: registers sip:alice@ (200 with the binding and its expiry), refuses anyone else 404. @Options: answers
 * sip:maintenance@ 503 with Retry-After, leaves the rest to the default answer.
 */
@ApplicationScoped
public class Registrar {

    private final List<String> bindings = new CopyOnWriteArrayList<>();

    @Register
    void register(OutOfCallRequest request) {
        if (request.to().contains("sip:alice@")) {
            bindings.add(request.header("Contact"));
            request.respond(200, "OK", Map.of("Contact", request.header("Contact") + ";expires=600"));
        } else {
            request.respond(404);
        }
    }

    @Options
    void options(OutOfCallRequest request) {
        if (request.requestUri().startsWith("sip:maintenance@")) {
            request.respond(503, "Service Unavailable", Map.of("Retry-After", "120"));
        }
    }

    public List<String> bindings() {
        return List.copyOf(bindings);
    }
}
