package io.guestgate.landing.verify;

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
 * go through Spring Boot's {@link WebClient.Builder}, as every other outgoing call of GuestGate does. Spring Security
 * would otherwise build plain clients of its own, and these calls, a login's slowest part, would be missing from
 * {@code http.client.requests}: operators could not tell the provider's time from GuestGate's.
 */
@Configuration(proxyBeanMethods = false)
class ProviderClients {

    @Bean
    ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> guestLoginTokenClient(
            WebClient.Builder builder) {
        WebClientReactiveAuthorizationCodeTokenResponseClient client =
                new WebClientReactiveAuthorizationCodeTokenResponseClient();
        client.setWebClient(builder.clone().build());
        return client;
    }

    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> guestLoginUserService(WebClient.Builder builder) {
        DefaultReactiveOAuth2UserService userInfo = new DefaultReactiveOAuth2UserService();
        userInfo.setWebClient(builder.clone().build());
        OidcReactiveOAuth2UserService oidc = new OidcReactiveOAuth2UserService();
        oidc.setOauth2UserService(userInfo);
        return oidc;
    }
}
