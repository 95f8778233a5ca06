package io.guestgate.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.landing.IdentityProperties;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;

/** The health check asks the issuer of the registration the identity settings name. */
class IdentityProviderHealthIndicatorTest {

    private final MockOAuth2Server provider = new MockOAuth2Server();

    @AfterEach
    void stop() {
        provider.shutdown();
    }

    @Test
    void asksTheIssuerOfTheConfiguredRegistration() throws Exception {
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
        String issuer = provider.issuerUrl("staff").toString();
        IdentityProperties identity = bind(
                "guestgate.identity", IdentityProperties.class, Map.of("guestgate.identity.registration-id", "staff"));
        OAuth2ClientProperties client = bind(
                "spring.security.oauth2.client",
                OAuth2ClientProperties.class,
                Map.of(
                        "spring.security.oauth2.client.registration.staff.client-id",
                        "id",
                        "spring.security.oauth2.client.provider.staff.issuer-uri",
                        issuer));

        Health health = health(new IdentityProviderHealthIndicator(identity, clients(client)));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("issuer", issuer);
    }

    @Test
    void withoutAClientRegistrationItSaysSo() {
        IdentityProperties identity = bind("guestgate.identity", IdentityProperties.class, Map.of());

        Health health = health(new IdentityProviderHealthIndicator(
                identity, new StaticListableBeanFactory().getBeanProvider(OAuth2ClientProperties.class)));

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).containsEntry("issuer", "not configured");
    }

    private static ObjectProvider<OAuth2ClientProperties> clients(OAuth2ClientProperties client) {
        return new StaticListableBeanFactory(Map.of("client", client)).getBeanProvider(OAuth2ClientProperties.class);
    }

    private static Health health(IdentityProviderHealthIndicator indicator) {
        return indicator.health().block(Duration.ofSeconds(10));
    }

    private static <T> T bind(String prefix, Class<T> type, Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(prefix, type);
    }
}
