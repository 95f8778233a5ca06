package io.guestgate.platform.webex;

import io.guestgate.platform.settings.InvalidPropertiesException;
import io.guestgate.platform.settings.Violation;
import io.guestgate.platform.settings.Violations;
import io.guestgate.webex.RetrySettings;
import io.guestgate.webex.WebexClientSettings;
import io.guestgate.webex.oauth.AccessToken;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything GuestGate needs to talk to Webex ({@code guestgate.webex.*}). Secrets are optional here so that each
 * part can start with what it uses; {@link #productionViolations()} names every one that production lacks.
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

    static final int WEBHOOK_SECRET_MIN_LENGTH = 16;
    private static final String WEBHOOK_SECRET = "a random secret Webex signs webhook deliveries with";

    /** What production needs of Webex: the bot's token and webhook secret, the integration, and the guest mode's. */
    public List<Violation> productionViolations() {
        Violations violations = new Violations()
                .required(botToken, "guestgate.webex.bot-token", "the bot's access token from developer.webex.com")
                .required(webhookSecret, "guestgate.webex.webhook-secret", WEBHOOK_SECRET);
        if (webhookSecret != null && !webhookSecret.isBlank()) {
            violations.require(
                    webhookSecret.length() >= WEBHOOK_SECRET_MIN_LENGTH,
                    "guestgate.webex.webhook-secret",
                    "too short; use at least " + WEBHOOK_SECRET_MIN_LENGTH + " random characters, " + WEBHOOK_SECRET);
        }
        return violations
                .addAll(integration.productionViolations())
                .addAll(guest.productionViolations())
                .list();
    }

    /** The bot's token, for calls made as the bot. */
    public AccessToken bot() {
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalStateException("Set guestgate.webex.bot-token to the bot's access token");
        }
        return AccessToken.of(botToken);
    }

    public WebexClientSettings clientSettings() {
        return new WebexClientSettings(
                apiBaseUrl,
                http.connectTimeout(),
                http.responseTimeout(),
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

            @DefaultValue({
                "meeting:schedules_read",
                "meeting:schedules_write",
                "meeting:participants_read",
                "meeting:participants_write",
                "spark:people_read"
            })
            List<String> scopes) {

        static final String CALLBACK_PATH = "/oauth/webex/callback";

        List<Violation> productionViolations() {
            Violations violations = new Violations()
                    .required(clientId, "guestgate.webex.integration.client-id", "the Webex integration's client id")
                    .required(
                            clientSecret,
                            "guestgate.webex.integration.client-secret",
                            "the Webex integration's client secret");
            if (redirectUri == null || redirectUri.toString().isBlank()) {
                violations.add(
                        "guestgate.webex.integration.redirect-uri",
                        "missing; set it to " + "{guestgate.public-base-url}" + CALLBACK_PATH
                                + ", as registered with the Webex integration");
            } else {
                violations.require(
                        redirectUri.toString().endsWith(CALLBACK_PATH),
                        "guestgate.webex.integration.redirect-uri",
                        "must end with " + CALLBACK_PATH + ", was '" + redirectUri + "'");
            }
            return violations.list();
        }

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

        private static final String ISSUER_SECRET = "guestgate.webex.guest.issuer-secret";
        /** The secret is the HS256 key of the guest JWTs, which needs 256 bits. */
        private static final int ISSUER_KEY_BYTES = 32;

        private static final List<String> REFRESH_SETTINGS = List.of(
                "guestgate.webex.guest.service-app-refresh-token",
                "guestgate.webex.guest.service-app-client-id",
                "guestgate.webex.guest.service-app-client-secret");

        @ConstructorBinding
        public Guest {}

        /** What the chosen mode needs in production. */
        List<Violation> productionViolations() {
            Violations violations = new Violations();
            if (mode == GuestMode.GUEST_ISSUER) {
                violations.required(
                        issuerId, "guestgate.webex.guest.issuer-id", "the guest issuer's id (guest mode guest-issuer)");
                violations.addAll(issuerSecretViolations(issuerSecret));
            } else {
                violations.required(
                        serviceAppToken,
                        "guestgate.webex.guest.service-app-token",
                        "the Service App's access token (guest mode service-app)");
                // Either none or all of them: with only some, GuestGate would silently not refresh the token.
                List<String> refresh =
                        Arrays.asList(serviceAppRefreshToken, serviceAppClientId, serviceAppClientSecret);
                boolean someSet = refresh.stream().anyMatch(Guest::isSet);
                for (int i = 0; i < refresh.size(); i++) {
                    violations.require(
                            !someSet || isSet(refresh.get(i)),
                            REFRESH_SETTINGS.get(i),
                            "missing; set it together with the others of " + String.join(", ", REFRESH_SETTINGS)
                                    + ", so that GuestGate can keep the Service App's token valid by itself");
                }
            }
            return violations.list();
        }

        private static boolean isSet(String value) {
            return value != null && !value.isBlank();
        }

        /** The HS256 key of the guest JWTs: the guest issuer's secret, which Webex shows in base64, decoded. */
        public static byte[] issuerKey(String issuerSecret) {
            List<Violation> violations = issuerSecretViolations(issuerSecret);
            if (!violations.isEmpty()) {
                throw new InvalidPropertiesException(violations);
            }
            return Base64.getDecoder().decode(issuerSecret.strip());
        }

        /** The messages name the property but never echo the secret. */
        private static List<Violation> issuerSecretViolations(String issuerSecret) {
            Violations violations = new Violations()
                    .required(
                            issuerSecret,
                            ISSUER_SECRET,
                            "the guest issuer's secret, base64 as Webex shows it (guest mode guest-issuer)");
            if (isSet(issuerSecret)) {
                try {
                    violations.require(
                            Base64.getDecoder().decode(issuerSecret.strip()).length >= ISSUER_KEY_BYTES,
                            ISSUER_SECRET,
                            "decodes to fewer than " + ISSUER_KEY_BYTES + " bytes; HS256 needs 256 bits");
                } catch (IllegalArgumentException notBase64) {
                    violations.add(ISSUER_SECRET, "is not valid base64");
                }
            }
            return violations.list();
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

    /** The default first: settings errors list the modes in this order. */
    public enum GuestMode {
        SERVICE_APP,
        GUEST_ISSUER
    }

    /** Timeouts and retry bounds for every Webex call. */
    public record Http(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("30s") Duration responseTimeout,
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("500ms") Duration baseBackoff,
            @DefaultValue("8s") Duration maxBackoff,
            @DefaultValue("30s") Duration maxRetryAfter) {}
}
