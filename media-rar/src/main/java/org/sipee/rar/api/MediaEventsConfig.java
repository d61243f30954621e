package org.sipee.rar.api;

/**
 * Where the adapter publishes media events (config-properties mediaEventsTopic and mediaEventsConnectionFactory),
 * for consumers in the same server.
 *
 * @param topic             JNDI name of the topic, e.g. java:/jms/topic/sipee/media
 * @param connectionFactory JNDI name of the JMS connection factory the adapter uses, e.g. java:/ConnectionFactory
 */
public record MediaEventsConfig(String topic, String connectionFactory) {
}
