package org.sipee.it;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Subscribes to the adapter's media events as an application would (README, "Media events"): an MDB on the topic,
 * one session so one call's events arrive in the order they were published.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/topic/sipee/media"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class MediaEventMdb implements MessageListener {

    @Inject
    MediaEventLog log;

    @Override
    public void onMessage(Message message) {
        try {
            Map<String, Object> properties = new HashMap<>();
            for (Object name : Collections.list(message.getPropertyNames())) {
                properties.put((String) name, message.getObjectProperty((String) name));
            }
            log.add(properties);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
