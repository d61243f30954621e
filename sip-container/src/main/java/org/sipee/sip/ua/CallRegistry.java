package org.sipee.sip.ua;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.sipee.sip.transaction.TransactionKey;

/** Live calls by local tag (for in-dialog requests) and by INVITE transaction (for CANCEL). */
final class CallRegistry {

    private final Map<String, ServerCall> byLocalTag = new ConcurrentHashMap<>();
    private final Map<TransactionKey, ServerCall> byInvite = new ConcurrentHashMap<>();

    void add(ServerCall call) {
        byLocalTag.put(call.localTag(), call);
        byInvite.put(call.inviteKey(), call);
    }

    void remove(ServerCall call) {
        byLocalTag.remove(call.localTag(), call);
        byInvite.remove(call.inviteKey(), call);
    }

    ServerCall byLocalTag(String tag) {
        return tag == null ? null : byLocalTag.get(tag);
    }

    ServerCall byInvite(TransactionKey key) {
        return byInvite.get(key);
    }

    List<ServerCall> all() {
        return List.copyOf(byLocalTag.values());
    }

    int size() {
        return byLocalTag.size();
    }
}
