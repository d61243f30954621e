package org.sipee.sip.transaction;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.sipee.sip.message.Responses;
import org.sipee.sip.message.SipRequest;

/**
 * Matches requests to server transactions (RFC 3261 §17.2.3), creates new ones and keeps them in a table
 * until they terminate. Runs on the event loop; the table can be sized from any thread.
 */
public final class ServerTransactionLayer {

    private final Map<TransactionKey, ServerTransaction> table = new ConcurrentHashMap<>();
    /** §8.2.2.2: live transactions of requests without To tag, by From tag, Call-ID and CSeq. */
    private final Map<MergeKey, TransactionKey> outsideDialog = new ConcurrentHashMap<>();
    private final Map<TransactionKey, MergeKey> mergeKeys = new ConcurrentHashMap<>();
    private final ResponseChannel channel;
    private final TimerScheduler scheduler;
    private final SipTimers timers;
    private final TransactionUser user;
    private final RequestAdmission admission;

    public ServerTransactionLayer(ResponseChannel channel, TimerScheduler scheduler, SipTimers timers, TransactionUser user) {
        this(channel, scheduler, timers, user, RequestAdmission.ALL);
    }

    public ServerTransactionLayer(ResponseChannel channel, TimerScheduler scheduler, SipTimers timers, TransactionUser user,
                                  RequestAdmission admission) {
        this.channel = channel;
        this.scheduler = scheduler;
        this.timers = timers;
        this.user = user;
        this.admission = admission;
    }

    public void onRequest(SipRequest request, InetSocketAddress source) {
        TransactionKey key = TransactionKey.of(request);
        ServerTransaction existing = table.get(key);
        if (request.isMethod("ACK")) {
            if (!(existing instanceof InviteServerTransaction invite && invite.onAck())) {
                user.onAck(request, source);
            }
            return;
        }
        if (existing != null) {
            existing.onRetransmittedRequest();
            return;
        }
        ServerTransaction created = request.isMethod("INVITE")
                ? new InviteServerTransaction(key, request, channel, scheduler, timers, this::remove)
                : new NonInviteServerTransaction(key, request, channel, scheduler, timers, this::remove);
        table.put(key, created);
        Refusal refusal = request.isMethod("CANCEL") ? null : admission.admit(request, source);
        if (refusal != null) {
            created.sendResponse(refusal.responseTo(request)); // before any per-call work; no 100 Trying first
            return;
        }
        MergeKey merge = MergeKey.of(request);
        if (merge != null && !request.isMethod("CANCEL")) {
            TransactionKey first = outsideDialog.putIfAbsent(merge, key);
            if (first == null) {
                mergeKeys.put(key, merge);
            }
            if (first != null && !first.equals(key) && table.containsKey(first)) {
                // §8.2.2.2: the same request arrived by another path (forked and merged): 482
                created.sendResponse(Responses.create(request, 482, "Loop Detected", Branches.localTag()));
                return;
            }
        }
        if (created instanceof InviteServerTransaction) {
            created.sendResponse(Responses.create(request, 100, "Trying", null)); // §17.2.1: 100 Trying at once
        }
        if (request.isMethod("CANCEL")) {
            ServerTransaction target = table.get(key.forMethod("INVITE")); // §9.2: same rule, method INVITE
            user.onCancel(request, created, target instanceof InviteServerTransaction invite ? invite : null);
        } else {
            user.onNewRequest(request, source, created);
        }
    }

    public int size() {
        return table.size();
    }

    /** Terminates every transaction (stack shutdown). */
    public void shutdown() {
        List.copyOf(table.values()).forEach(ServerTransaction::terminate);
        table.clear();
        outsideDialog.clear();
        mergeKeys.clear();
    }

    private void remove(ServerTransaction transaction) {
        table.remove(transaction.key(), transaction);
        MergeKey merge = mergeKeys.remove(transaction.key());
        if (merge != null) {
            outsideDialog.remove(merge, transaction.key());
        }
    }

    /** What identifies a request outside a dialog for merge detection (§8.2.2.2); null for one with a To tag. */
    record MergeKey(String fromTag, String callId, String cseq) {
        static MergeKey of(SipRequest request) {
            try {
                if (request.to().tag() != null) {
                    return null;
                }
                return new MergeKey(request.from().tag(), request.callId(), request.cseq().number() + " " + request.method());
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
