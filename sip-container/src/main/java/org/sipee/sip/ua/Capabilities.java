package org.sipee.sip.ua;

import java.util.List;
import java.util.Set;

import org.sipee.sip.message.HeaderNames;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

/** What this UAS implements (RFC 3261 §8.2.1, §8.2.2.3, §11.2). */
final class Capabilities {

    static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, UPDATE, PRACK, INFO, MESSAGE, REFER, NOTIFY";

    /** REGISTER: for the application, 405 without one. */
    private static final Set<String> IMPLEMENTED = Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "UPDATE",
            "PRACK", "INFO", "MESSAGE", "REFER", "NOTIFY", "REGISTER");
    /** Methods defined by RFCs that this UAS recognises but does not implement: 405, not 501. */
    private static final Set<String> RECOGNISED = Set.of("SUBSCRIBE", "PUBLISH");
    /** Option tags we support (RFC 3261 §19.2): RFC 3262, RFC 4028, RFC 3891 and RFC 4488. */
    private static final List<String> OPTION_TAGS = List.of("100rel", "timer", "replaces", "norefersub");
    static final String SUPPORTED = String.join(", ", OPTION_TAGS);
    private static final String SUPPORTED_WITHOUT_TIMER = String.join(", ",
            OPTION_TAGS.stream().filter(tag -> !tag.equals("timer")).toList());
    private static final Set<String> EXTENSIONS = Set.copyOf(OPTION_TAGS);

    private Capabilities() {
    }

    /** Supported of our INVITE: without timer when we do not use session timers (RFC 4028 §7.1). */
    static String supportedInInvite(boolean sessionTimers) {
        return sessionTimers ? SUPPORTED : SUPPORTED_WITHOUT_TIMER;
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

    /** §8.2.3: INVITE and UPDATE bodies must be SDP (all we understand); other methods carry any body. */
    static boolean acceptsBody(SipRequest request) {
        String type = request.header(HeaderNames.CONTENT_TYPE);
        if (type == null || !(request.isMethod("INVITE") || request.isMethod("UPDATE") || request.isMethod("PRACK"))) {
            return true;
        }
        return type.split(";")[0].trim().equalsIgnoreCase(Bodies.SDP);
    }

    /** §11.2: 200 to an OPTIONS, with our capabilities; {@code toTag} null keeps the request's. */
    static SipResponse optionsOk(SipRequest request, String toTag) {
        SipResponse ok = Responses.create(request, 200, "OK", toTag);
        describe(ok);
        return ok;
    }

    /** §8.2.1: 405 for a method we know but do not take here, with the Allow list. */
    static SipResponse methodNotAllowed(SipRequest request, String toTag) {
        SipResponse notAllowed = Responses.create(request, 405, "Method Not Allowed", toTag);
        notAllowed.addHeader(HeaderNames.ALLOW, ALLOW);
        return notAllowed;
    }

    /** Adds Allow, Accept and Supported, as in a response to OPTIONS (§11.2). */
    static void describe(SipResponse response) {
        response.addHeader(HeaderNames.ALLOW, ALLOW);
        response.addHeader(HeaderNames.ACCEPT, "application/sdp");
        response.addHeader(HeaderNames.SUPPORTED, SUPPORTED);
    }
}
