package io.guestgate.app.ops;

import io.guestgate.landing.IdentityProperties;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** The identity provider's discovery document answers and names the configured issuer. Bean name gives "identityProvider". */
@Component("identityProvider")
class IdentityProviderHealthIndicator extends AbstractReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String issuer;
    private final WebClient web = WebClient.create();

    /** Spring Boot binds the client settings only when a registration is configured. */
    IdentityProviderHealthIndicator(IdentityProperties identity, ObjectProvider<OAuth2ClientProperties> client) {
        super("Identity provider check failed");
        String configured = client.stream().map(identity::issuerUri).findFirst().orElse(null);
        this.issuer = configured != null ? configured : "";
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        if (issuer.isBlank()) {
            return Mono.just(
                    builder.unknown().withDetail("issuer", "not configured").build());
        }
        String discovery = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/.well-known/openid-configuration";
        return web.get()
                .uri(discovery)
                .retrieve()
                .bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {})
                .timeout(TIMEOUT)
                .map(document -> issuer.equals(document.get("issuer"))
                        ? builder.up().withDetail("issuer", issuer).build()
                        : builder.down()
                                .withDetail("issuer", issuer)
                                .withDetail("problem", "discovery names another issuer")
                                .build());
    }
}
