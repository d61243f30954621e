package org.sipee.rar;

import java.util.List;
import java.util.logging.Logger;

import org.sipee.sip.ua.OutboundRegistration;
import org.sipee.sip.ua.RegistrationListener;

/** What an upstream registration does, in the server's log (its credentials never). */
final class UpstreamRegistrationLog implements RegistrationListener {

    private static final Logger LOG = Logger.getLogger(UpstreamRegistrationLog.class.getName());

    private final String name;

    UpstreamRegistrationLog(OutboundRegistration.Settings settings) {
        this.name = settings.aor() + " at " + settings.registrar();
    }

    @Override
    public void onRegistered(int grantedSeconds, List<String> bindings) {
        LOG.fine(() -> name + " registered for " + grantedSeconds + " s");
    }

    @Override
    public void onFailed(int status, String reason) {
        LOG.warning(() -> name + " failed to register: " + status + " " + reason + " (retried after a back-off)");
    }

    @Override
    public void onEnded() {
        LOG.info(() -> name + " unregistered");
    }
}
