package org.sipee.sip.ua;

import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

/** A scripted peer calling the harness's UAS: builds its requests as text, as they would arrive on the wire. */
final class Caller {

    static final String OFFER = "v=0\r\no=carol 7 7 IN IP4 192.0.2.2\r\ns=-\r\nc=IN IP4 192.0.2.2\r\nt=0 0\r\n"
            + "m=audio 30000 RTP/AVP 0\r\n";
    static final String HOLD = OFFER.replace("o=carol 7 7", "o=carol 7 8") + "a=sendonly\r\n";

    private final UaHarness h;
    private int branch;
    String ourTag;

    Caller(UaHarness h) {
        this.h = h;
    }

    /** The initial INVITE with the offer and extra header lines ("Name: value"). */
    InboundCall invite(String... headers) {
        h.receive(request("INVITE", 1, null, OFFER, headers));
        return h.inbound.get(h.inbound.size() - 1);
    }

    /** INVITE, accepted by the application, ACKed: a confirmed call. */
    InboundCall confirmed(String... headers) {
        InboundCall call = invite(headers);
        call.accept(UaHarness.SDP);
        ourTag = h.lastResponse("INVITE").to().tag();
        h.receive(request("ACK", 1, ourTag, null));
        return call;
    }

    SipRequest request(String method, long cseq, String toTag, String sdp, String... headers) {
        StringBuilder text = new StringBuilder();
        text.append(method).append(" sip:bob@192.0.2.1:5080 SIP/2.0\n")
                .append("Via: SIP/2.0/UDP 192.0.2.2:5062;branch=z9hG4bKc").append(method).append(++branch).append('\n')
                .append("Max-Forwards: 70\n")
                .append("From: \"Carol\" <sip:carol@192.0.2.2>;tag=c1\n")
                .append("To: <sip:bob@192.0.2.1>").append(toTag == null ? "" : ";tag=" + toTag).append('\n')
                .append("Call-ID: in1@192.0.2.2\n")
                .append("CSeq: ").append(cseq).append(' ').append(method.equals("ACK") && cseq == 1 ? "ACK" : method).append('\n')
                .append("Contact: <sip:carol@192.0.2.7:5064>\n");
        for (String header : headers) {
            text.append(header).append('\n');
        }
        if (sdp != null) {
            text.append("Content-Type: application/sdp\n").append("Content-Length: 0\n\n");
            SipRequest request = UaHarness.parse(text.toString());
            request.setBody(sdp.getBytes());
            return request;
        }
        text.append("Content-Length: 0\n\n");
        return UaHarness.parse(text.toString());
    }

    /** A request of the caller inside the dialog. */
    void send(String method, long cseq, String sdp, String... headers) {
        h.receive(request(method, cseq, ourTag, sdp, headers));
    }

    /** The caller's answer to a request our UAS sent (e.g. re-INVITE, BYE). */
    void answer(SipRequest request, int status, String sdp) {
        SipResponse response = org.sipee.sip.message.Responses.create(request, status, "R" + status, null);
        response.addHeader("Contact", "<sip:carol@192.0.2.7:5064>");
        if (sdp != null) {
            response.addHeader("Content-Type", "application/sdp");
            response.setBody(sdp.getBytes());
        }
        h.receive(response);
    }
}
