package io.guestgate.emulator.serviceapp;

import io.guestgate.emulator.auth.AccessToken;
import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.auth.TokenRegistry;
import io.guestgate.emulator.config.EmulatorProperties;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.support.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The seeded Service App's token pairs in the seed's org. Access tokens expire; each refresh token works once (the
 * pair rotates, as the integration's does). A pair comes from a refresh with the app's own client id and secret at
 * {@code /access_token}, from {@code POST /applications/{id}/token}, or from an admin authorizing the app again.
 */
@Component
public class ServiceAppGrants {

    /** One issued pair, without its values: when, how ({@code refresh_token}, {@code applications}, {@code authorize}) and until when. */
    public record Issued(Instant issuedAt, String grant, Instant expiresAt, Instant refreshExpiresAt) {}

    private final EmulatorSeed.ServiceApp app;
    private final String orgId;
    private final TokenRegistry tokens;
    private final Clock clock;
    private final EmulatorProperties.ServiceApp lifetimes;
    private final Map<String, Instant> refreshTokens = new ConcurrentHashMap<>();
    private final Deque<Duration> queuedLifetimes = new ArrayDeque<>();
    private final List<Issued> issued = new CopyOnWriteArrayList<>();

    ServiceAppGrants(EmulatorSeed seed, TokenRegistry tokens, Clock clock, EmulatorProperties properties) {
        this.app = seed.serviceApp();
        this.orgId = seed.orgId();
        this.tokens = tokens;
        this.clock = clock;
        this.lifetimes = properties.serviceApp();
        if (app != null) {
            refreshTokens.put(app.refreshToken(), clock.instant().plus(lifetimes.refreshTokenLifetime()));
        }
    }

    /** True for the Service App's own client id and secret (compared in constant time). */
    public boolean isClient(String clientId, String clientSecret) {
        return app != null
                && app.clientId().equals(clientId)
                && clientSecret != null
                && MessageDigest.isEqual(
                        clientSecret.getBytes(StandardCharsets.UTF_8),
                        app.clientSecret().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code grant_type=refresh_token} with the app's credentials: a new pair, and the used refresh token is spent. */
    public Map<String, Object> refresh(String refreshToken) {
        Instant expiresAt = refreshToken == null ? null : refreshTokens.remove(refreshToken);
        if (expiresAt == null || !clock.instant().isBefore(expiresAt)) {
            throw ApiException.badRequest("invalid_grant: the refresh token is invalid, expired or revoked.");
        }
        return issue("refresh_token");
    }

    /** {@code POST /applications/{id}/token}: a pair for an org that authorized the app. */
    Map<String, Object> forOrg(String applicationId, String clientId, String clientSecret, String targetOrgId) {
        if (app == null || !app.id().equals(applicationId)) {
            throw ApiException.notFound("Service App not found.");
        }
        if (!isClient(clientId, clientSecret)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Invalid client credentials.");
        }
        if (!orgId.equals(targetOrgId)) {
            throw ApiException.forbidden("The Service App is not authorized by a Full Admin of that organization.");
        }
        return issue("applications");
    }

    /** An admin authorizes the app (again) in Control Hub: a fresh pair, as the developer portal then shows it. */
    public Map<String, Object> authorize() {
        requireApp();
        return issue("authorize");
    }

    /** The next pairs' access tokens live these lifetimes, one each; after them the configured lifetime applies again. */
    public void queueLifetimes(List<Duration> next) {
        next.forEach(d -> {
            if (d == null || d.isNegative() || d.isZero()) {
                throw ApiException.badRequest("Lifetimes must be positive durations, e.g. PT10S.");
            }
        });
        synchronized (queuedLifetimes) {
            queuedLifetimes.addAll(next);
        }
    }

    /** Revokes every refresh token of the app, as deauthorizing it would; returns how many there were. */
    public int revokeRefreshTokens() {
        int count = refreshTokens.size();
        refreshTokens.clear();
        return count;
    }

    /** Every pair issued so far, oldest first. */
    public List<Issued> issued() {
        return List.copyOf(issued);
    }

    /** How many pairs a refresh gave. */
    public long refreshes() {
        return issued.stream().filter(i -> i.grant().equals("refresh_token")).count();
    }

    private Map<String, Object> issue(String grant) {
        requireApp();
        Duration accessLifetime;
        synchronized (queuedLifetimes) {
            accessLifetime = Objects.requireNonNullElse(queuedLifetimes.poll(), lifetimes.accessTokenLifetime());
        }
        AccessToken access = tokens.issue(new Caller(app.id(), Caller.Kind.SERVICE_APP), accessLifetime);
        Instant now = access.expiresAt().minus(accessLifetime);
        String refresh = TokenRegistry.randomToken();
        Instant refreshExpiresAt = now.plus(lifetimes.refreshTokenLifetime());
        refreshTokens.put(refresh, refreshExpiresAt);
        issued.add(new Issued(now, grant, access.expiresAt(), refreshExpiresAt));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access.value());
        body.put("expires_in", accessLifetime.toSeconds());
        body.put("refresh_token", refresh);
        body.put("refresh_token_expires_in", lifetimes.refreshTokenLifetime().toSeconds());
        body.put("token_type", "Bearer");
        return body;
    }

    private void requireApp() {
        if (app == null) {
            throw ApiException.notFound("The seed has no Service App.");
        }
    }
}
