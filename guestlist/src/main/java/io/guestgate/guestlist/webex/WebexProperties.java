package io.guestgate.guestlist.webex;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.guestgate.webex.AccessToken;
import io.guestgate.webex.RetrySettings;
import io.guestgate.webex.WebexClientSettings;

/**
 * Everything GuestGate needs to talk to Webex ({@code guestgate.webex.*}). Secrets are optional here so that each
 * part can start with what it uses; the application's startup check names every one that production lacks.
 *
 * @param apiBaseUrl    the REST API root; the sandbox and tests point it at the emulator
 * @param botToken      the bot's access token: replies, cards, notifications, webhook registration
 * @param webhookSecret the secret the bot's webhooks are registered with; signs every delivery
 */
@ConfigurationProperties("guestgate.webex")
public record WebexProperties(
        @DefaultValue("https://webexapis.com/v1") URI apiBaseUrl,
        String botToken,
        String webhookSecret,
        @DefaultValue Integration integration,
        @DefaultValue Guest guest,
        @DefaultValue Http http) {

    /** The bot's token, for calls made as the bot. */
    public AccessToken bot() {
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalStateException("Set guestgate.webex.bot-token to the bot's access token");
        }
        return AccessToken.of(botToken);
    }

    public WebexClientSettings clientSettings() {
        return new WebexClientSettings(apiBaseUrl, http.connectTimeout(), http.responseTimeout(),
                new RetrySettings(http.maxAttempts(), http.baseBackoff(), http.maxBackoff(), http.maxRetryAfter()));
    }

    @Override
    public String toString() {
        return "WebexProperties[apiBaseUrl=" + apiBaseUrl + ", integration=" + integration + ", guest=" + guest
                + ", secrets redacted]";
    }

    /**
     * The Webex integration organizers link their account through (OAuth 2.0 authorization code with PKCE).
     *
     * @param redirectUri must be registered with the integration: {@code {public-base-url}/oauth/webex/callback}
     */
    public record Integration(
            String clientId,
            String clientSecret,
            URI redirectUri,
            @DefaultValue({"meeting:schedules_read", "meeting:schedules_write", "meeting:participants_read",
                    "meeting:participants_write", "spark:people_read"}) List<String> scopes) {

        @Override
        public String toString() {
            return "Integration[clientId=" + clientId + ", redirectUri=" + redirectUri + ", scopes=" + scopes
                    + ", clientSecret redacted]";
        }
    }

    /**
     * How guests get their Webex token.
     *
     * @param mode                   {@code service-app} ({@code POST /guests/token}, the current Webex way) or
     *                               {@code guest-issuer} (a signed JWT exchanged at {@code /jwt/login})
     * @param issuerSecret           the guest issuer's secret, base64 as Webex shows it
     * @param serviceAppToken        the Service App's access token, as Webex issued it to the authorized app
     * @param serviceAppRefreshToken the refresh token issued with it; with the client id and secret below, GuestGate
     *                               keeps the Service App's token valid by itself (without them it uses the access
     *                               token as given until it expires)
     * @param serviceAppClientId     the Service App's client id (developer portal), for refreshing its token
     * @param serviceAppClientSecret the Service App's client secret, for refreshing its token
     */
    public record Guest(
            @DefaultValue("service-app") GuestMode mode,
            String issuerId,
            String issuerSecret,
            String serviceAppToken,
            String serviceAppRefreshToken,
            String serviceAppClientId,
            String serviceAppClientSecret) {

        @ConstructorBinding
        public Guest {
        }

        /** Without the refresh settings: a Service App token used as given. */
        public Guest(GuestMode mode, String issuerId, String issuerSecret, String serviceAppToken) {
            this(mode, issuerId, issuerSecret, serviceAppToken, null, null, null);
        }

        @Override
        public String toString() {
            return "Guest[mode=" + mode + ", issuerId=" + issuerId + ", serviceAppClientId=" + serviceAppClientId
                    + ", secrets redacted]";
        }
    }

    public enum GuestMode {
        GUEST_ISSUER,
        SERVICE_APP
    }

    /** Timeouts and retry bounds for every Webex call. */
    public record Http(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("30s") Duration responseTimeout,
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("500ms") Duration baseBackoff,
            @DefaultValue("8s") Duration maxBackoff,
            @DefaultValue("30s") Duration maxRetryAfter) {
    }
}
