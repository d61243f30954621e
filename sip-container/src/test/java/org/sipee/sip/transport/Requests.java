package org.sipee.sip.transport;

import java.net.InetSocketAddress;

import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipResponse;

import java.nio.charset.StandardCharsets;

/** Request texts for transport tests: Via of the given transport with our socket as sent-by. */
final class Requests {

    static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\n";

    private Requests() {
    }

    static String request(String transport, InetSocketAddress from, String method, String uri, String callId,
                          String branch, int cseq, String toTag, String sdp) {
        String host = TransportSelection.hostText(from);
        String body = sdp == null ? "" : sdp;
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + host + ":" + from.getPort() + ";rport;branch=z9hG4bK" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@" + host + ">;tag=from" + callId + "\r\n"
                + "To: <" + uri + ">" + (toTag.isEmpty() ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:alice@" + host + ":" + from.getPort() + ";transport=" + transport.toLowerCase() + ">\r\n"
                + (sdp == null ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    static SipResponse parse(String text) {
        return (SipResponse) SipParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}
