package org.sipee.session;

/** A state machine was asked for an edge its table does not have. */
public class IllegalStateTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public IllegalStateTransitionException(Enum<?> from, Enum<?> to) {
        super("illegal " + from.getDeclaringClass().getSimpleName() + " transition from " + from + " to " + to);
    }
}
