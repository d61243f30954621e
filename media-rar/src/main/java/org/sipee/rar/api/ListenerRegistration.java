package org.sipee.rar.api;

/** An application listener's registration; close() stops every later delivery to it. */
public interface ListenerRegistration extends AutoCloseable {

    boolean isOpen();

    @Override
    void close();
}
