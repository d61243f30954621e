package org.sipee.sip.ua;

import java.util.List;
import java.util.Set;

import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

/** What this UAS implements (RFC 3261 §8.2.1, §8.2.2.3, §11.2). */
final class Capabilities {

    static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS";

    private static final Set<String> IMPLEMENTED = Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS");
    /** Methods defined by RFCs that this UAS recognises but does not implement: 405, not 501. */
    private static final Set<String> RECOGNISED = Set.of("REGISTER", "SUBSCRIBE", "NOTIFY", "REFER", "INFO",
            "UPDATE", "PRACK", "MESSAGE", "PUBLISH");
    /** Option tags we support (RFC 3261 §19.2); none yet. */
    private static final Set<String> EXTENSIONS = Set.of();

    private Capabilities() {
    }

    static boolean isImplemented(String method) {
        return IMPLEMENTED.contains(method);
    }

    static boolean isRecognised(String method) {
        return RECOGNISED.contains(method);
    }

    /** Option tags in Require that we do not support (§8.2.2.3). */
    static List<String> unsupportedRequirements(SipRequest request) {
        return request.headerValues(HeaderNames.REQUIRE).stream()
                .filter(tag -> !tag.isEmpty() && !EXTENSIONS.contains(tag))
                .toList();
    }

    /** Adds Allow, Accept and Supported, as in a response to OPTIONS (§11.2). */
    static void describe(SipResponse response) {
        response.addHeader(HeaderNames.ALLOW, ALLOW);
        response.addHeader(HeaderNames.ACCEPT, "application/sdp");
        response.addHeader(HeaderNames.SUPPORTED, String.join(", ", EXTENSIONS));
    }
}
