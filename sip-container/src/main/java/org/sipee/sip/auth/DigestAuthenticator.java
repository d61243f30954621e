package org.sipee.sip.auth;

import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.sipee.sip.message.SipRequest;
import org.sipee.sip.overload.SourceBans;


/**
 * Digest authentication of requests to one realm (RFC 3261 §22, RFC 7616, RFC 8760). REGISTER is challenged with
 * 401 and WWW-Authenticate, every other method with 407 and Proxy-Authenticate (we are the PBX the caller's
 * calls go through, §22.3). A challenge offers the policy's algorithms, by default SHA-256 first, then MD5 (RFC 8760
 * §2.4), all with qop="auth" and the same nonce: the client answers one of them, and the nonce's count is kept once
 * whichever it picks; a User-Agent known to give up on an algorithm it lacks gets MD5 alone.
 * <p>
 * Credentials are taken from the Authorization and Proxy-Authorization lines for our realm; lines of other
 * schemes or realms are left to others. Wrong credentials and unknown users take the same path (an unknown user is
 * checked against a random HA1), get a fresh challenge, and count as a failure of the source address; too many
 * ban it ({@link SourceBans}): it is then refused with 403 before its credentials are looked at.
 * Thread-safe; call it on a worker thread, since {@link DigestSecrets} may block. ACK and CANCEL must not be
 * challenged (§22.1): callers pass them by.
 */
public final class DigestAuthenticator {

    private static final System.Logger LOG = System.getLogger(DigestAuthenticator.class.getName());
    private static final int MAX_CREDENTIAL_LINES = 8;

    private final String realm;
    private final DigestSecrets secrets;
    private final AuthPolicy policy;
    private final NonceManager nonces;
    private final SourceBans failures;
    private final Map<DigestAlgorithm, String> unknownUserHa1 = new EnumMap<>(DigestAlgorithm.class);

    public DigestAuthenticator(String realm, DigestSecrets secrets, AuthPolicy policy, LongSupplier clockMillis) {
        this.realm = Objects.requireNonNull(realm, "realm");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.nonces = new NonceManager(clockMillis, policy.nonceLifetime());
        this.failures = new SourceBans(policy.maxFailures(), policy.failureWindow(), policy.banTime(),
                clockMillis);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            unknownUserHa1.put(algorithm, algorithm.hash(HexFormat.of().formatHex(secret)));
        }
    }

    public String realm() {
        return realm;
    }

    /** Whether the source address is banned for failed authentications, for callers that refuse early. */
    public boolean isBanned(InetSocketAddress source) {
        return failures.isBanned(source.getAddress());
    }

    /**
     * Decides on one request from {@code source} (the transport address, whose IP counts the failures).
     *
     * @throws IllegalArgumentException when the source is unresolved
     */
    public AuthOutcome authenticate(SipRequest request, InetSocketAddress source) {
        if (source.getAddress() == null) {
            throw new IllegalArgumentException("source must be a resolved address: " + source);
        }
        if (isBanned(source)) {
            return new AuthOutcome.Refused(403, "Forbidden (too many failed authentications)");
        }
        boolean register = request.isMethod("REGISTER");
        DigestCredentials credentials;
        try {
            credentials = ourCredentials(request);
        } catch (DigestParseException e) {
            return new AuthOutcome.Refused(400, "Bad Request (credentials: " + e.getMessage() + ")");
        }
        if (credentials == null) {
            return challenge(request, register, false);
        }
        if (!credentials.uri().equals(request.requestUri())) { // §22.4, RFC 7616 §3.4.6
            return new AuthOutcome.Refused(400, "Bad Request (credentials: uri is not the Request-URI)");
        }
        Optional<DigestAlgorithm> algorithm = credentials.digestAlgorithm();
        boolean qopOk = credentials.qop() == null || credentials.qop().toLowerCase(Locale.ROOT).equals("auth");
        NonceManager.Status nonce = nonces.status(credentials.nonce());
        if (algorithm.isEmpty() || !qopOk || nonce == NonceManager.Status.UNKNOWN) {
            return challenge(request, register, false);
        }
        if (!verified(credentials, algorithm.get(), request.method())) {
            failed(credentials, source);
            return challenge(request, register, false);
        }
        // RFC 7616 §3.3: stale=true only for a valid response; a replayed nc is treated the same (a new nonce)
        long count = credentials.qop() == null ? 1 : credentials.nonceCount();
        if (nonce == NonceManager.Status.STALE || !nonces.accept(credentials.nonce(), count)) {
            return challenge(request, register, true);
        }
        return new AuthOutcome.Authenticated(credentials.username(), algorithm.get());
    }

    /** The first parseable Digest line for our realm, preferring one with an algorithm we know; null when none. */
    private DigestCredentials ourCredentials(SipRequest request) throws DigestParseException {
        List<String> lines = new ArrayList<>(request.headerValues("Authorization"));
        lines.addAll(request.headerValues("Proxy-Authorization"));
        lines.removeIf(line -> !DigestParams.isDigest(line));
        if (lines.size() > MAX_CREDENTIAL_LINES) {
            throw new DigestParseException("more than " + MAX_CREDENTIAL_LINES + " Digest credentials");
        }
        DigestParseException error = null;
        DigestCredentials ours = null;
        for (String line : lines) {
            try {
                DigestCredentials candidate = DigestCredentials.parse(line);
                if (candidate.realm().equals(realm)
                        && (ours == null || ours.digestAlgorithm().isEmpty() && candidate.digestAlgorithm().isPresent())) {
                    ours = candidate;
                }
            } catch (DigestParseException e) {
                error = error == null ? e : error;
            }
        }
        if (ours == null && error != null) {
            throw error;
        }
        return ours;
    }

    /** The same work whether or not the user exists, so that answers and timing do not tell. */
    private boolean verified(DigestCredentials credentials, DigestAlgorithm algorithm, String method) {
        String ha1 = secrets.ha1(credentials.username(), realm, algorithm);
        boolean known = ha1 != null && ha1.length() == algorithm.hexLength();
        String expected = Digests.response(algorithm, known ? ha1.toLowerCase(Locale.ROOT) : unknownUserHa1.get(algorithm),
                method, credentials.uri(), credentials.nonce(), credentials.nc(), credentials.cnonce(), credentials.qop());
        return Digests.matches(expected, credentials.response()) & known;
    }

    private void failed(DigestCredentials credentials, InetSocketAddress source) {
        boolean banned = failures.count(source.getAddress());
        LOG.log(banned ? Level.INFO : Level.DEBUG, "digest authentication of {0} from {1} failed{2}",
                credentials.username(), source.getAddress(), banned ? "; source banned" : "");
    }

    private AuthOutcome.Challenge challenge(SipRequest request, boolean register, boolean stale) {
        String nonce = nonces.issue();
        List<String> challenges = policy.algorithmsFor(request.header("User-Agent")).stream()
                .map(algorithm -> DigestChallenge.of(realm, nonce, algorithm, stale).toHeaderValue()).toList();
        return register ? new AuthOutcome.Challenge(401, "WWW-Authenticate", challenges, stale)
                : new AuthOutcome.Challenge(407, "Proxy-Authenticate", challenges, stale);
    }
}
