package org.sipee.it.guide;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.resource.ResourceException;

import org.sipee.rar.api.SipConnection;
import org.sipee.rar.api.SipConnectionFactory;

/** Places a call when an EJB timer fires (a wake-up call). The Call-ID each dialled target got is kept. */
@Singleton
public class TimedDialer {

    @Resource(lookup = "java:/sip/SipConnectionFactory")
    SipConnectionFactory sip;

    @Resource
    TimerService timers;

    private final Map<String, String> placed = new ConcurrentHashMap<>();

    public void callLater(String to, long delayMillis) {
        timers.createSingleActionTimer(delayMillis, new TimerConfig(to, false));
    }

    @Timeout
    void wakeUp(Timer timer) throws ResourceException {
        String to = (String) timer.getInfo();
        try (SipConnection connection = sip.getConnection()) {
            placed.put(to, connection.dial("sip:wakeup@127.0.0.1", to));
        }
    }

    /** The Call-ID of the call placed to {@code to}, once the timer has fired. */
    public String callIdFor(String to) {
        return placed.get(to);
    }
}
