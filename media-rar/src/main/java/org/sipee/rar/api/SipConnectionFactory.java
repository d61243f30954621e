package org.sipee.rar.api;

import java.io.Serializable;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;

/**
 * What an application looks up (java:/sip/SipConnectionFactory) to reach the SIP/RTP engine
 * hosted by the resource adapter.
 */
public interface SipConnectionFactory extends Serializable, Referenceable {

    SipConnection getConnection() throws ResourceException;
}
