package io.guestgate.landing.web;

import io.guestgate.landing.IdentityProperties;
import io.guestgate.platform.GuestgateProperties;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * Two filter chains. The landing's own paths get the OIDC login, CSRF protection and the security headers. Everything
 * else in the application (account linking, actuator) passes a last, permissive chain: those endpoints authenticate
 * their callers themselves (OAuth state) and must not be asked to log in or to carry a CSRF token.
 * <p>
 * Webhooks ({@code POST /webhooks/**}) pass no chain at all: they carry no session or cookie, are verified by their
 * signature alone, and come by the thousand, so the security context, firewall and headers would be pure cost.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class LandingSecurity {

    static final String[] LANDING_PATHS = {"/join/**", "/oauth2/**", "/login/**", "/meeting/**", "/landing/**", "/error"
    };

    /** Webhook deliveries, which no filter chain handles. */
    static final ServerWebExchangeMatcher WEBHOOKS =
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/webhooks/**");

    /** The session-bound CSRF token travels in this header on the meeting page's POST. */
    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 100)
    SecurityWebFilterChain landingFilterChain(
            ServerHttpSecurity http,
            ObjectProvider<ReactiveClientRegistrationRepository> registrationRepository,
            IdentityProperties identity,
            GuestgateProperties guestgate,
            LandingProperties landing,
            ServerAuthenticationSuccessHandler loginSuccessHandler,
            ServerAuthenticationFailureHandler loginFailureHandler,
            ServerSecurityContextRepository verifiedLogins,
            ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> authorizationRequests,
            ServerOAuth2AuthorizedClientRepository noProviderTokens,
            ReactiveOidcSessionRegistry noOidcSessions) {
        String missing = "Set spring.security.oauth2.client.registration." + identity.registrationId()
                + ".* and provider." + identity.registrationId() + ".issuer-uri: guests verify their identity there";
        ReactiveClientRegistrationRepository registrations = registrationRepository.getIfAvailable();
        if (registrations == null) {
            throw new IllegalStateException(missing);
        }
        URI authorizationUri = registrations
                .findByRegistrationId(identity.registrationId())
                .map(registration ->
                        URI.create(registration.getProviderDetails().getAuthorizationUri()))
                .blockOptional()
                .orElseThrow(() -> new IllegalStateException(missing));
        String csp = landing.contentSecurityPolicy() != null
                ? landing.contentSecurityPolicy()
                : ContentSecurityPolicy.build(authorizationUri);
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(LANDING_PATHS))
                // The session holds JSON strings only: the verified identity of the pending login instead of a
                // security context object, the authorization request and the CSRF token as plain values.
                .securityContextRepository(verifiedLogins)
                // Access is decided per invitation by the controllers (verified identity bound to that link, in this
                // session); a Spring Security login alone grants nothing.
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .oauth2Login(login -> login.authorizationRequestResolver(pkceResolver(registrations))
                        .authorizationRequestRepository(authorizationRequests)
                        .securityContextRepository(verifiedLogins)
                        .authorizedClientRepository(noProviderTokens)
                        .oidcSessionRegistry(noOidcSessions)
                        .authenticationSuccessHandler(loginSuccessHandler)
                        .authenticationFailureHandler(loginFailureHandler)
                        // No generated login page: a login starts from a personal link only.
                        .loginPage("/login/unfinished"))
                .csrf(csrf -> csrf.csrfTokenRepository(new SessionCsrfTokens(CSRF_HEADER))
                        .accessDeniedHandler(new ExpiredForms()))
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(header -> header.contentSecurityPolicy(policy -> policy.policyDirectives(csp))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        // Spring's HSTS writer looks at the request's scheme, which is http behind a TLS-terminating
                        // proxy; what counts is how guests reach us.
                        .hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
                        .writer(exchange -> {
                            if (guestgate.isHttps()) {
                                exchange.getResponse()
                                        .getHeaders()
                                        .set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                            }
                            return Mono.empty();
                        }))
                .build();
    }

    /** Everything that is not the landing or a webhook: no login, no CSRF (OAuth callbacks verify their callers). */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityWebFilterChain applicationFilterChain(ServerHttpSecurity http) {
        return http.securityMatcher(new NegatedServerWebExchangeMatcher(WEBHOOKS))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }

    /**
     * PKCE for this confidential client too (it guards against a stolen authorization code), on top of state and the
     * OIDC nonce that Spring Security adds for the {@code openid} scope.
     */
    private static ServerOAuth2AuthorizationRequestResolver pkceResolver(
            ReactiveClientRegistrationRepository registrations) {
        DefaultServerOAuth2AuthorizationRequestResolver resolver =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }
}
