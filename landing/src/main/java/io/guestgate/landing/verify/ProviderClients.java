package io.guestgate.landing.verify;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The guest login's calls to the identity provider (the code exchange at its token endpoint, its userinfo endpoint)
 * are observed: each is timed in {@code http.client.requests} (tags {@code client.name}: the provider's host,
 * {@code method}, {@code status}). Spring Security would otherwise make them with plain clients of its own, and a
 * login's slowest part would be missing from the metrics: operators could not tell the provider's time from
 * GuestGate's.
 */
@Configuration(proxyBeanMethods = false)
class ProviderClients {

    private final WebClient webClient;

    ProviderClients(ObjectProvider<WebClient.Builder> builders, ObjectProvider<ObservationRegistry> observations) {
        this.webClient = builders.getIfAvailable(WebClient::builder)
                .clone()
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
                .build();
    }

    @Bean
    ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> guestLoginTokenClient() {
        WebClientReactiveAuthorizationCodeTokenResponseClient client =
                new WebClientReactiveAuthorizationCodeTokenResponseClient();
        client.setWebClient(webClient);
        return client;
    }

    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> guestLoginUserService() {
        DefaultReactiveOAuth2UserService userInfo = new DefaultReactiveOAuth2UserService();
        userInfo.setWebClient(webClient);
        OidcReactiveOAuth2UserService oidc = new OidcReactiveOAuth2UserService();
        oidc.setOauth2UserService(userInfo);
        return oidc;
    }
}
