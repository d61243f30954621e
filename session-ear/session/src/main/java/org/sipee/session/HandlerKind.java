package org.sipee.session;

import java.lang.annotation.Annotation;
import java.util.function.Function;

/**
 * The handler annotations: what each method must take, and the calls its patterns select (null: every call).
 * {@code argRequired} false lets a method take nothing.
 */
enum HandlerKind {
    INVITE(Invite.class, IncomingCall.class, true, a -> CallRoute.of((Invite) a)),
    ACK(Ack.class, IncomingCall.class, true, a -> null),
    BYE(Bye.class, CallEnded.class, false, a -> null),
    CANCEL(Cancel.class, CallEnded.class, false, a -> null),
    INFO(Info.class, RequestReceived.class, true, a -> null),
    MESSAGE(Message.class, RequestReceived.class, true, a -> null),
    UPDATE(Update.class, RequestReceived.class, true, a -> null),
    DTMF(Dtmf.class, DtmfReceived.class, true, a -> null),
    REFER(Refer.class, TransferRequest.class, true, a -> null),
    OPTIONS(Options.class, OutOfCallRequest.class, true, a -> null),
    REGISTER(Register.class, OutOfCallRequest.class, true, a -> null),
    PROVISIONAL(ProvisionalResponse.class, CallResponse.class, true, a -> CallRoute.callee(((ProvisionalResponse) a).value())),
    SUCCESS(SuccessResponse.class, CallResponse.class, true, a -> CallRoute.callee(((SuccessResponse) a).value())),
    REDIRECT(RedirectResponse.class, CallResponse.class, true, a -> CallRoute.callee(((RedirectResponse) a).value())),
    ERROR(ErrorResponse.class, CallResponse.class, true, a -> CallRoute.callee(((ErrorResponse) a).value()));

    final Class<? extends Annotation> annotation;
    final Class<?> argType;
    final boolean argRequired;
    private final Function<Annotation, CallRoute> route;

    HandlerKind(Class<? extends Annotation> annotation, Class<?> argType, boolean argRequired, Function<Annotation, CallRoute> route) {
        this.annotation = annotation;
        this.argType = argType;
        this.argRequired = argRequired;
        this.route = route;
    }

    CallRoute route(Annotation found) {
        return route.apply(found);
    }

    /** The kind of a final response to our INVITE. */
    static HandlerKind ofFinal(int status) {
        return status < 300 ? SUCCESS : status < 400 ? REDIRECT : ERROR;
    }

    /** The kind of a request in a dialog the handlers hear of, or null. */
    static HandlerKind ofRequest(String method) {
        return switch (method) {
            case "INFO" -> INFO;
            case "MESSAGE" -> MESSAGE;
            case "UPDATE" -> UPDATE;
            default -> null;
        };
    }
}
