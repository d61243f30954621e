package org.sipee.sip.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A sip: or sips: URI as far as routing needs it (RFC 3261 §19.1): user, host, port, uri-parameters.
 * Headers after '?' are kept out of the parameters and otherwise ignored.
 */
public record SipUri(String scheme, String user, String host, int port, Map<String, String> params) {

    public SipUri {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static SipUri parse(String uri) {
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? "" : uri.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips")) {
            throw new SipParseException("not a SIP URI: '" + uri + "'");
        }
        int at = uri.indexOf('@', colon);
        String user = at < 0 ? null : uri.substring(colon + 1, at);
        int question = uri.indexOf('?', at < 0 ? colon : at);
        String hostPart = uri.substring(at < 0 ? colon + 1 : at + 1, question < 0 ? uri.length() : question);
        ValueCursor c = new ValueCursor(hostPart, "URI");
        String host = c.host();
        int port = c.consume(':') ? c.port() : -1;
        Map<String, String> params = c.params();
        return new SipUri(scheme, user, host, port, params);
    }

    /** host[:port] */
    public String hostPort() {
        return port < 0 ? host : host + ':' + port;
    }
}
