package io.guestgate.app.ops;

import io.guestgate.domain.serviceapp.ServiceAppAccessTokens;
import io.guestgate.domain.serviceapp.ServiceAppStatus;
import io.guestgate.platform.webex.WebexProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The Service App's token and how long it has left, as stored in Redis; never the token. UP while it works and is
 * refreshed, DOWN when it does not work or can no longer be refreshed (an operator has to authorize the Service App
 * again), UNKNOWN while its expiry is not known (the configured pair before its first refresh, or a token GuestGate
 * does not refresh). Not part of readiness: every instance shares the token, and taking them all out of the load
 * balancer would not help. Bean name gives "serviceApp".
 */
@Component("serviceApp")
class ServiceAppHealthIndicator extends AbstractReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ServiceAppAccessTokens tokens;
    private final WebexProperties.GuestMode mode;
    private final Clock clock;

    ServiceAppHealthIndicator(ServiceAppAccessTokens tokens, WebexProperties webex, Clock clock) {
        super("Service App token check failed");
        this.tokens = tokens;
        this.mode = webex.guest().mode();
        this.clock = clock;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        if (mode != WebexProperties.GuestMode.SERVICE_APP) {
            return Mono.just(builder.up().withDetail("mode", "guest-issuer").build());
        }
        return tokens.status().timeout(TIMEOUT).map(status -> health(builder, status));
    }

    private Health health(Health.Builder builder, ServiceAppStatus status) {
        Instant now = clock.instant();
        builder.withDetail("refreshed", status.refreshed());
        if (status.expiresAt() != null) {
            builder.withDetail("expiresAt", status.expiresAt().toString())
                    .withDetail("remaining", status.remainingAt(now).toString());
        }
        if (status.refreshTokenExpiresAt() != null) {
            builder.withDetail(
                            "refreshTokenExpiresAt",
                            status.refreshTokenExpiresAt().toString())
                    .withDetail(
                            "refreshTokenRemaining",
                            status.refreshTokenRemainingAt(now).toString());
        }
        if (status.problem() != null) {
            builder.withDetail("problem", status.problem());
        }
        if (!status.usable() || status.refreshed() && status.problem() != null) {
            return builder.down().build();
        }
        if (status.expiresAt() == null) {
            return builder.unknown().build();
        }
        return builder.up().build();
    }
}
