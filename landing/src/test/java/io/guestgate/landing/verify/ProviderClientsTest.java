package io.guestgate.landing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** The login's call to the identity provider's token endpoint is timed in {@code http.client.requests}. */
class ProviderClientsTest {

    private final MockOAuth2Server provider = new MockOAuth2Server();

    @AfterEach
    void stop() {
        provider.shutdown();
    }

    @Test
    void theCodeExchangeIsObserved() {
        provider.start();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("observationRegistry", observations);
        ProviderClients clients = new ProviderClients(
                beans.getBeanProvider(WebClient.Builder.class), beans.getBeanProvider(ObservationRegistry.class));

        clients.guestLoginTokenClient()
                .getTokenResponse(codeExchange())
                .onErrorResume(refused -> Mono.empty())
                .block(Duration.ofSeconds(10));

        Timer calls = meters.find("http.client.requests").timer();
        assertThat(calls).as("the token endpoint's call, timed").isNotNull();
        assertThat(calls.count()).isEqualTo(1);
        assertThat(calls.getId().getTag("method")).isEqualTo("POST");
    }

    private OAuth2AuthorizationCodeGrantRequest codeExchange() {
        String redirect = "http://localhost/login/oauth2/code/ichapp";
        ClientRegistration registration = ClientRegistration.withRegistrationId("ichapp")
                .clientId("guestgate")
                .clientSecret("test-secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirect)
                .authorizationUri(provider.authorizationEndpointUrl("ichapp").toString())
                .tokenUri(provider.tokenEndpointUrl("ichapp").toString())
                .build();
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId("guestgate")
                .redirectUri(redirect)
                .state("state")
                .build();
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success("code")
                .redirectUri(redirect)
                .state("state")
                .build();
        return new OAuth2AuthorizationCodeGrantRequest(
                registration, new OAuth2AuthorizationExchange(request, response));
    }
}
