package org.sipee.sip.transaction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;

/** Requests and a recording channel for transaction tests. T1 = 100, T2 = 400, T4 = 500 ms. */
final class TransactionFixtures {

    static final SipTimers TIMERS = new SipTimers(100, 400, 500);

    final ManualScheduler scheduler = new ManualScheduler();
    final List<SipResponse> sent = new ArrayList<>();
    /** Records each response sent, and again each time the transaction resends it. */
    final ResponseChannel channel = response -> {
        sent.add(response);
        return () -> sent.add(response);
    };
    /** The request of the transaction made last (the transaction itself lets go of it at its final response). */
    SipRequest request;
    final List<ServerTransaction> terminated = new ArrayList<>();

    static SipRequest request(String method, String branch) {
        String text = method + " sip:bob@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.1:5070;branch=" + branch + "\r\n"
                + "From: <sip:alice@example.com>;tag=a1\r\nTo: <sip:bob@example.com>\r\n"
                + "Call-ID: c1@example.com\r\nCSeq: 1 " + method + "\r\nContent-Length: 0\r\n\r\n";
        return (SipRequest) SipParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static SipResponse response(SipRequest request, int status) {
        return Responses.create(request, status, "Test", "t1");
    }

    InviteServerTransaction invite() {
        request = request("INVITE", "z9hG4bK1");
        return new InviteServerTransaction(TransactionKey.of(request), request, channel, scheduler, TIMERS, terminated::add);
    }

    NonInviteServerTransaction nonInvite(String method) {
        request = request(method, "z9hG4bK2");
        return new NonInviteServerTransaction(TransactionKey.of(request), request, channel, scheduler, TIMERS,
                terminated::add);
    }

    /** A response with this status to the request of the transaction made last. */
    SipResponse response(int status) {
        return response(request, status);
    }

    List<Integer> sentStatuses() {
        return sent.stream().map(SipResponse::status).toList();
    }
}
