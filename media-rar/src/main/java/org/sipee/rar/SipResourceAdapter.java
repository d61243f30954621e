package org.sipee.rar;

import java.util.Objects;
import java.util.logging.Logger;

import javax.transaction.xa.XAResource;

import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

/**
 * The resource adapter: boots the SIP stack and RTP engine on start, closes them on stop.
 * Config-properties (defaults in ra.xml, overridable in ironjacamar.xml or the server's
 * resource-adapters subsystem): bindAddress (SIP and RTP bind to it and SDP advertises it),
 * sipPort, transports, tcpIdleTimeoutSeconds, sessionTimers, sessionExpiresSeconds, minSeSeconds (RFC 4028),
 * rtpPortMin, rtpPortMax, mediaTimeoutSeconds, answerTimeoutSeconds, answerTimeoutStatus, t1Millis, deliveryThreads;
 * media events over JMS: mediaEventsTopic (empty: off), mediaEventsConnectionFactory, qualityReportSeconds;
 * phones: securityDomain (Elytron; empty: off), authRealm, nonceLifetimeSeconds, digestAlgorithms, md5OnlyUserAgents, authFailureLimit,
 * authFailureWindowSeconds, authBanSeconds, registrationMinExpires, registrationMaxExpires, maxRegistrationsPerUser,
 * maxCallsPerUser; load shedding: overloadBacklog, overloadLagMillis, overloadRetryAfterSeconds, maxCalls, floodRequests,
 * floodWindowSeconds, floodBanSeconds, floodExemptSources.
 * Applications reach it through the SipConnectionFactory (no message inflow).
 */
public class SipResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(SipResourceAdapter.class.getName());

    private String bindAddress = "127.0.0.1";
    private Integer sipPort = 5060;
    private String transports = "UDP,TCP";
    private Integer tcpIdleTimeoutSeconds = 180;
    private Boolean sessionTimers = true;
    private Integer sessionExpiresSeconds = 1800;
    private Integer minSeSeconds = 90;
    private Integer rtpPortMin = 10000;
    private Integer rtpPortMax = 29999;
    private Integer mediaTimeoutSeconds = 60;
    private Integer answerTimeoutSeconds = 60;
    private Integer answerTimeoutStatus = 480;
    private Integer t1Millis = 500;
    private Integer deliveryThreads = 4;
    private String mediaEventsTopic = "java:/jms/topic/sipee/media";
    private String mediaEventsConnectionFactory = "java:/ConnectionFactory";
    private Integer qualityReportSeconds = 5;
    private String securityDomain = "SipeeDomain";
    private String authRealm = "sipee";
    private Integer nonceLifetimeSeconds = 300;
    private String digestAlgorithms = "SHA-256,MD5";
    private String md5OnlyUserAgents = "(?i)^(baresip|sipp)";
    private Integer authFailureLimit = 5;
    private Integer authFailureWindowSeconds = 60;
    private Integer authBanSeconds = 300;
    private Integer registrationMinExpires = 60;
    private Integer registrationMaxExpires = 7200;
    private Integer maxRegistrationsPerUser = 10;
    private Integer maxCallsPerUser = 10;
    private Integer overloadBacklog = 1000;
    private Integer overloadLagMillis = 300;
    private Integer overloadRetryAfterSeconds = 5;
    private Integer maxCalls = 10_000;
    private Integer floodRequests = 200;
    private Integer floodWindowSeconds = 2;
    private Integer floodBanSeconds = 30;
    private String floodExemptSources = "127.0.0.1";

    private volatile Engine engine;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        engine = Engine.start(EngineSettings.from(this), context);
    }

    @Override
    public void stop() {
        Engine running = engine;
        engine = null;
        if (running != null) {
            running.close();
            LOG.info("SIP stack and RTP engine stopped");
        }
    }

    /** The running engine, for connection handles. */
    Engine engine() {
        Engine running = engine;
        if (running == null) {
            throw new IllegalStateException("the sipee resource adapter is not started");
        }
        return running;
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws NotSupportedException {
        throw new NotSupportedException("no message inflow: use java:/sip/SipConnectionFactory");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    public String getBindAddress() { return bindAddress; }
    public void setBindAddress(String bindAddress) { this.bindAddress = bindAddress; }
    public Integer getSipPort() { return sipPort; }
    public void setSipPort(Integer sipPort) { this.sipPort = sipPort; }
    public String getTransports() { return transports; }
    public void setTransports(String transports) { this.transports = transports; }
    public Integer getTcpIdleTimeoutSeconds() { return tcpIdleTimeoutSeconds; }
    public void setTcpIdleTimeoutSeconds(Integer tcpIdleTimeoutSeconds) { this.tcpIdleTimeoutSeconds = tcpIdleTimeoutSeconds; }
    public Boolean getSessionTimers() { return sessionTimers; }
    public void setSessionTimers(Boolean sessionTimers) { this.sessionTimers = sessionTimers; }
    public Integer getSessionExpiresSeconds() { return sessionExpiresSeconds; }
    public void setSessionExpiresSeconds(Integer sessionExpiresSeconds) { this.sessionExpiresSeconds = sessionExpiresSeconds; }
    public Integer getMediaTimeoutSeconds() { return mediaTimeoutSeconds; }
    public void setMediaTimeoutSeconds(Integer mediaTimeoutSeconds) { this.mediaTimeoutSeconds = mediaTimeoutSeconds; }
    public Integer getAnswerTimeoutSeconds() { return answerTimeoutSeconds; }
    public void setAnswerTimeoutSeconds(Integer answerTimeoutSeconds) { this.answerTimeoutSeconds = answerTimeoutSeconds; }
    public Integer getAnswerTimeoutStatus() { return answerTimeoutStatus; }
    public void setAnswerTimeoutStatus(Integer answerTimeoutStatus) { this.answerTimeoutStatus = answerTimeoutStatus; }
    public Integer getMinSeSeconds() { return minSeSeconds; }
    public void setMinSeSeconds(Integer minSeSeconds) { this.minSeSeconds = minSeSeconds; }
    public Integer getRtpPortMin() { return rtpPortMin; }
    public void setRtpPortMin(Integer rtpPortMin) { this.rtpPortMin = rtpPortMin; }
    public Integer getRtpPortMax() { return rtpPortMax; }
    public void setRtpPortMax(Integer rtpPortMax) { this.rtpPortMax = rtpPortMax; }
    public Integer getT1Millis() { return t1Millis; }
    public void setT1Millis(Integer t1Millis) { this.t1Millis = t1Millis; }
    public Integer getDeliveryThreads() { return deliveryThreads; }
    public void setDeliveryThreads(Integer deliveryThreads) { this.deliveryThreads = deliveryThreads; }
    public String getMediaEventsTopic() { return mediaEventsTopic; }
    public void setMediaEventsTopic(String mediaEventsTopic) { this.mediaEventsTopic = mediaEventsTopic; }
    public String getMediaEventsConnectionFactory() { return mediaEventsConnectionFactory; }
    public void setMediaEventsConnectionFactory(String mediaEventsConnectionFactory) { this.mediaEventsConnectionFactory = mediaEventsConnectionFactory; }
    public Integer getQualityReportSeconds() { return qualityReportSeconds; }
    public void setQualityReportSeconds(Integer qualityReportSeconds) { this.qualityReportSeconds = qualityReportSeconds; }

    public String getSecurityDomain() { return securityDomain; }
    public void setSecurityDomain(String securityDomain) { this.securityDomain = securityDomain; }
    public String getAuthRealm() { return authRealm; }
    public void setAuthRealm(String authRealm) { this.authRealm = authRealm; }
    public Integer getNonceLifetimeSeconds() { return nonceLifetimeSeconds; }
    public void setNonceLifetimeSeconds(Integer nonceLifetimeSeconds) { this.nonceLifetimeSeconds = nonceLifetimeSeconds; }
    public String getDigestAlgorithms() { return digestAlgorithms; }
    public void setDigestAlgorithms(String digestAlgorithms) { this.digestAlgorithms = digestAlgorithms; }
    public String getMd5OnlyUserAgents() { return md5OnlyUserAgents; }
    public void setMd5OnlyUserAgents(String md5OnlyUserAgents) { this.md5OnlyUserAgents = md5OnlyUserAgents; }
    public Integer getAuthFailureLimit() { return authFailureLimit; }
    public void setAuthFailureLimit(Integer authFailureLimit) { this.authFailureLimit = authFailureLimit; }
    public Integer getAuthFailureWindowSeconds() { return authFailureWindowSeconds; }
    public void setAuthFailureWindowSeconds(Integer authFailureWindowSeconds) { this.authFailureWindowSeconds = authFailureWindowSeconds; }
    public Integer getAuthBanSeconds() { return authBanSeconds; }
    public void setAuthBanSeconds(Integer authBanSeconds) { this.authBanSeconds = authBanSeconds; }
    public Integer getRegistrationMinExpires() { return registrationMinExpires; }
    public void setRegistrationMinExpires(Integer registrationMinExpires) { this.registrationMinExpires = registrationMinExpires; }
    public Integer getRegistrationMaxExpires() { return registrationMaxExpires; }
    public void setRegistrationMaxExpires(Integer registrationMaxExpires) { this.registrationMaxExpires = registrationMaxExpires; }
    public Integer getMaxRegistrationsPerUser() { return maxRegistrationsPerUser; }
    public void setMaxRegistrationsPerUser(Integer maxRegistrationsPerUser) { this.maxRegistrationsPerUser = maxRegistrationsPerUser; }
    public Integer getMaxCallsPerUser() { return maxCallsPerUser; }
    public void setMaxCallsPerUser(Integer maxCallsPerUser) { this.maxCallsPerUser = maxCallsPerUser; }

    public Integer getOverloadBacklog() { return overloadBacklog; }
    public void setOverloadBacklog(Integer overloadBacklog) { this.overloadBacklog = overloadBacklog; }
    public Integer getOverloadLagMillis() { return overloadLagMillis; }
    public void setOverloadLagMillis(Integer overloadLagMillis) { this.overloadLagMillis = overloadLagMillis; }
    public Integer getOverloadRetryAfterSeconds() { return overloadRetryAfterSeconds; }
    public void setOverloadRetryAfterSeconds(Integer overloadRetryAfterSeconds) { this.overloadRetryAfterSeconds = overloadRetryAfterSeconds; }
    public Integer getMaxCalls() { return maxCalls; }
    public void setMaxCalls(Integer maxCalls) { this.maxCalls = maxCalls; }
    public Integer getFloodRequests() { return floodRequests; }
    public void setFloodRequests(Integer floodRequests) { this.floodRequests = floodRequests; }
    public Integer getFloodWindowSeconds() { return floodWindowSeconds; }
    public void setFloodWindowSeconds(Integer floodWindowSeconds) { this.floodWindowSeconds = floodWindowSeconds; }
    public Integer getFloodBanSeconds() { return floodBanSeconds; }
    public void setFloodBanSeconds(Integer floodBanSeconds) { this.floodBanSeconds = floodBanSeconds; }
    public String getFloodExemptSources() { return floodExemptSources; }
    public void setFloodExemptSources(String floodExemptSources) { this.floodExemptSources = floodExemptSources; }

    // JCA wants value equality of the JavaBean's properties

    @Override
    public boolean equals(Object o) {
        return o instanceof SipResourceAdapter other
                && Objects.equals(bindAddress, other.bindAddress) && Objects.equals(sipPort, other.sipPort)
                && Objects.equals(transports, other.transports)
                && Objects.equals(tcpIdleTimeoutSeconds, other.tcpIdleTimeoutSeconds)
                && Objects.equals(sessionTimers, other.sessionTimers)
                && Objects.equals(sessionExpiresSeconds, other.sessionExpiresSeconds)
                && Objects.equals(minSeSeconds, other.minSeSeconds)
                && Objects.equals(mediaTimeoutSeconds, other.mediaTimeoutSeconds)
                && Objects.equals(answerTimeoutSeconds, other.answerTimeoutSeconds)
                && Objects.equals(answerTimeoutStatus, other.answerTimeoutStatus)
                && Objects.equals(rtpPortMin, other.rtpPortMin) && Objects.equals(rtpPortMax, other.rtpPortMax)
                && Objects.equals(t1Millis, other.t1Millis) && Objects.equals(deliveryThreads, other.deliveryThreads)
                && Objects.equals(mediaEventsTopic, other.mediaEventsTopic)
                && Objects.equals(mediaEventsConnectionFactory, other.mediaEventsConnectionFactory)
                && Objects.equals(qualityReportSeconds, other.qualityReportSeconds)
                && Objects.equals(securityDomain, other.securityDomain)
                && Objects.equals(authRealm, other.authRealm)
                && Objects.equals(nonceLifetimeSeconds, other.nonceLifetimeSeconds)
                && Objects.equals(digestAlgorithms, other.digestAlgorithms)
                && Objects.equals(md5OnlyUserAgents, other.md5OnlyUserAgents)
                && Objects.equals(authFailureLimit, other.authFailureLimit)
                && Objects.equals(authFailureWindowSeconds, other.authFailureWindowSeconds)
                && Objects.equals(authBanSeconds, other.authBanSeconds)
                && Objects.equals(registrationMinExpires, other.registrationMinExpires)
                && Objects.equals(registrationMaxExpires, other.registrationMaxExpires)
                && Objects.equals(maxRegistrationsPerUser, other.maxRegistrationsPerUser)
                && Objects.equals(maxCallsPerUser, other.maxCallsPerUser)
                && Objects.equals(overloadBacklog, other.overloadBacklog)
                && Objects.equals(overloadLagMillis, other.overloadLagMillis)
                && Objects.equals(overloadRetryAfterSeconds, other.overloadRetryAfterSeconds)
                && Objects.equals(maxCalls, other.maxCalls) && Objects.equals(floodRequests, other.floodRequests)
                && Objects.equals(floodWindowSeconds, other.floodWindowSeconds)
                && Objects.equals(floodBanSeconds, other.floodBanSeconds)
                && Objects.equals(floodExemptSources, other.floodExemptSources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bindAddress, sipPort, transports, tcpIdleTimeoutSeconds, sessionTimers,
                sessionExpiresSeconds, minSeSeconds, mediaTimeoutSeconds, answerTimeoutSeconds, answerTimeoutStatus, rtpPortMin,
                rtpPortMax, t1Millis, deliveryThreads, mediaEventsTopic, mediaEventsConnectionFactory, qualityReportSeconds,
                securityDomain, authRealm, nonceLifetimeSeconds, digestAlgorithms, md5OnlyUserAgents, authFailureLimit, authFailureWindowSeconds, authBanSeconds, registrationMinExpires, registrationMaxExpires, maxRegistrationsPerUser, maxCallsPerUser, overloadBacklog, overloadLagMillis, overloadRetryAfterSeconds,
                maxCalls, floodRequests, floodWindowSeconds, floodBanSeconds, floodExemptSources);
    }
}
