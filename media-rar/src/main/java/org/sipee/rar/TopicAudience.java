package org.sipee.rar;

/**
 * Whether any subscription would receive what is published to the media events topic now: an event that nobody
 * would receive is not sent (for the broker, routing it to no subscription still costs a thread hand-off per event).
 */
interface TopicAudience extends AutoCloseable {

    /** For brokers whose subscriptions cannot be seen: every event is sent. */
    TopicAudience EVERYONE = new TopicAudience() {
        @Override public boolean present() { return true; }
        @Override public void close() { }
    };

    /** Called on the publisher's thread only, before each event. */
    boolean present();

    @Override
    void close();
}
