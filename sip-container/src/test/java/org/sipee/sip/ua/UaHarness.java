package org.sipee.sip.ua;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.sipee.sip.dialog.DialogTable;
import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipParser;
import org.sipee.sip.message.SipRequest;
import org.sipee.sip.message.SipResponse;
import org.sipee.sip.transaction.ClientTransactionLayer;
import org.sipee.sip.transaction.ManualScheduler;
import org.sipee.sip.transaction.RequestChannel;
import org.sipee.sip.transaction.ServerTransactionLayer;
import org.sipee.sip.transaction.SipTimers;
import org.sipee.sip.transport.SentMessage;

/**
 * Both cores of one UA wired as SipStack would wire them, over fake channels that record what goes on the wire,
 * on a virtual clock; every task runs at once (the test thread is the event loop). T1 = 100, T2 = 400, T4 = 500 ms.
 */
final class UaHarness {

    static final SipTimers TIMERS = new SipTimers(100, 400, 500);
    static final InetSocketAddress LOCAL = new InetSocketAddress("192.0.2.1", 5080);
    static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.2", 5062);
    static final String SDP = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";

    final ManualScheduler scheduler = new ManualScheduler();
    /** Requests we sent, again for each resend. */
    final List<SipRequest> wire = new ArrayList<>();
    final List<InetSocketAddress> destinations = new ArrayList<>();
    /** Responses our server transactions sent. */
    final List<SipResponse> responses = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    boolean reliable;

    final RequestChannel channel = (request, destination) -> {
        wire.add(request);
        destinations.add(destination);
        boolean tcp = reliable;
        return new SentMessage() {
            @Override
            public void resend() {
                wire.add(request);
                destinations.add(destination);
            }

            @Override
            public boolean reliable() {
                return tcp;
            }
        };
    };

    final DialogTable dialogs = new DialogTable();
    final ClientTransactionLayer clientTransactions = new ClientTransactionLayer(channel, scheduler, TIMERS, () -> LOCAL);
    final UserAgent uac;
    final List<InboundCall> inbound = new ArrayList<>();
    /** The peer's re-INVITEs and UPDATEs as the application saw them; answered by {@link #onModify}. */
    final List<ModifyRequest> modifies = new ArrayList<>();
    Consumer<ModifyRequest> onModify = ModifyRequest::answerByDefault;
    final List<DialogMessage> messages = new ArrayList<>();
    /** The peer's REFERs as the application saw them; handled by {@link #onRefer}, when null by the default. */
    final List<IncomingRefer> refers = new ArrayList<>();
    Consumer<IncomingRefer> onRefer;
    final UasCore uas;
    final ServerTransactionLayer serverTransactions;

    UaHarness() {
        this(UaPolicy.DEFAULTS);
    }

    UaHarness(UaPolicy policy) {
        uac = new UserAgent(new UacSetup(Runnable::run, scheduler, TIMERS, clientTransactions, dialogs, () -> LOCAL, policy));
        uas = new UasCore(new UasSetup(Runnable::run, scheduler, TIMERS, uasListener(), dialogs, () -> LOCAL,
                clientTransactions, policy));
        serverTransactions = new ServerTransactionLayer(response -> {
            responses.add(response);
            return SentMessage.NOT_SENT;
        }, scheduler, TIMERS, uas);
    }

    private UserAgentListener uasListener() {
        return new UserAgentListener() {
        @Override
        public void onInvite(InboundCall call) {
            inbound.add(call);
            events.add("invite");
        }

        @Override
        public void onAck(InboundCall call) {
            events.add("ack");
        }

        @Override
        public void onCallEnded(InboundCall call, CallEndReason reason) {
            events.add("ended " + reason);
        }

        @Override
        public void onModify(InboundCall call, ModifyRequest request) {
            events.add("modify " + request.method());
            modifies.add(request);
            onModify.accept(request);
        }

        @Override
        public void onMessage(InboundCall call, DialogMessage message) {
            events.add("message " + message.method());
            messages.add(message);
        }

        @Override
        public void onRefer(InboundCall call, IncomingRefer refer) {
            refer(refer, () -> UserAgentListener.super.onRefer(call, refer));
        }
        };
    }

    final OutboundCallListener listener = new OutboundCallListener() {
        @Override
        public void onProvisional(OutboundCall call, int status, String reason, String sdp) {
            events.add("provisional " + status + (sdp == null ? "" : " sdp"));
        }

        @Override
        public void onAnswered(OutboundCall call, String sdp) {
            events.add("answered" + (sdp == null ? "" : " sdp"));
        }

        @Override
        public void onFailed(OutboundCall call, int status, String reason) {
            events.add("failed " + status);
        }

        @Override
        public void onEnded(OutboundCall call, CallEndReason reason) {
            events.add("ended " + reason);
        }

        @Override
        public void onModify(OutboundCall call, ModifyRequest request) {
            events.add("modify " + request.method());
            modifies.add(request);
            onModify.accept(request);
        }

        @Override
        public void onMessage(OutboundCall call, DialogMessage message) {
            events.add("message " + message.method());
            messages.add(message);
        }

        @Override
        public void onRefer(OutboundCall call, IncomingRefer refer) {
            refer(refer, () -> OutboundCallListener.super.onRefer(call, refer));
        }
    };

    private void refer(IncomingRefer refer, Runnable byDefault) {
        refers.add(refer);
        if (onRefer == null) {
            byDefault.run();
        } else {
            onRefer.accept(refer);
        }
    }

    /** The last response our server transactions sent for the method. */
    SipResponse lastResponse(String method) {
        for (int i = responses.size() - 1; i >= 0; i--) {
            if (responses.get(i).cseq().method().equals(method)) {
                return responses.get(i);
            }
        }
        return null;
    }

    List<Integer> statuses(String method) {
        return responses.stream().filter(r -> r.cseq().method().equals(method)).map(SipResponse::status).toList();
    }

    OutboundCall call() {
        return uac.call("\"Alice\" <sip:alice@192.0.2.1>", "sip:bob@192.0.2.2:5062", SDP, listener);
    }

    List<SipRequest> sent(String method) {
        return wire.stream().filter(r -> r.isMethod(method)).toList();
    }

    SipRequest last(String method) {
        List<SipRequest> all = sent(method);
        return all.get(all.size() - 1);
    }

    InetSocketAddress destinationOf(SipRequest request) {
        return destinations.get(wire.lastIndexOf(request));
    }

    /** The callee's response to a request we sent; with a tag it carries the callee's Contact (and SDP for 2xx/183). */
    static SipResponse response(SipRequest request, int status, String tag, String... recordRoutes) {
        SipResponse response = Responses.create(request, status, "R" + status, tag);
        for (String route : recordRoutes) {
            response.addHeader("Record-Route", route);
        }
        if (tag != null && status < 300) {
            response.addHeader("Contact", "<sip:bob@192.0.2." + (tag.equals("b2") ? 3 : 2) + ":5062>");
        }
        if (status == 200 && request.isMethod("INVITE") || status == 183) {
            response.addHeader("Content-Type", "application/sdp");
            response.setBody(SDP.getBytes(StandardCharsets.UTF_8));
        }
        return response;
    }

    /** Delivers the callee's response to the client transactions, as the transport would. */
    void receive(SipResponse response) {
        clientTransactions.onResponse(response, PEER);
    }

    void receive(SipRequest request) {
        serverTransactions.onRequest(request, PEER);
    }

    static SipRequest parse(String text) {
        return (SipRequest) SipParser.parse(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
