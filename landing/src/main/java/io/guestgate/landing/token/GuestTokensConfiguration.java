package io.guestgate.landing.token;

import io.guestgate.domain.serviceapp.ServiceAppAccessTokens;
import io.guestgate.platform.metrics.GuestgateMetrics;
import io.guestgate.platform.webex.WebexProperties;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.oauth.AccessToken;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the guest token implementation by {@code guestgate.webex.guest.mode} and checks, at startup, that the
 * settings it needs are there. Messages name the property, never its value.
 */
@Configuration(proxyBeanMethods = false)
class GuestTokensConfiguration {

    /** As short as the exchange allows: the JWT only has to reach {@code /jwt/login}. */
    static final Duration JWT_LIFETIME = Duration.ofMinutes(5);

    @Bean
    GuestTokens guestTokens(
            WebexProperties webexProperties,
            WebexClient webex,
            Clock clock,
            GuestgateMetrics metrics,
            ServiceAppAccessTokens serviceApp) {
        GuestTokens tokens = tokensFor(webexProperties.guest(), webex, clock, serviceApp);
        String mode = webexProperties
                .guest()
                .mode()
                .name()
                .toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-');
        // Counted where every mint passes, whichever implementation made it.
        return (subject, displayName) ->
                tokens.mint(subject, displayName).doOnNext(access -> metrics.guestTokenMinted(mode));
    }

    private static GuestTokens tokensFor(
            WebexProperties.Guest guest, WebexClient webex, Clock clock, ServiceAppAccessTokens serviceApp) {
        return switch (guest.mode()) {
            case GUEST_ISSUER ->
                new GuestIssuerTokens(
                        new GuestIssuerJwt(
                                requireText(guest.issuerId(), "guestgate.webex.guest.issuer-id"),
                                issuerKey(guest.issuerSecret()),
                                JWT_LIFETIME,
                                clock),
                        webex,
                        clock);
            case SERVICE_APP -> {
                // Checked at startup: the configured token is where the Service App starts, refreshed or not.
                AccessToken.of(requireText(guest.serviceAppToken(), "guestgate.webex.guest.service-app-token"));
                yield new ServiceAppTokens(serviceApp, webex, clock);
            }
        };
    }

    /** Webex shows the Guest Issuer secret in base64; the HS256 key is its decoded bytes. */
    static byte[] issuerKey(String secret) {
        return WebexProperties.Guest.issuerKey(secret);
    }

    private static String requireText(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "Set " + property + " (guestgate.webex.guest.mode chooses guest-issuer " + "or service-app)");
        }
        return value.strip();
    }
}
