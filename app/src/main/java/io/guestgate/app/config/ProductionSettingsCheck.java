package io.guestgate.app.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

import io.guestgate.bot.StreamReadersPool;
import io.guestgate.guestlist.account.AllowedOrganizers;
import io.guestgate.landing.admission.AdmissionProperties;

/**
 * Checks production settings before any bean is made, and reports every problem at once, each naming its property;
 * settings that are valid but risky are logged at every start. No property or profile turns the check off; only the
 * sandbox's own main, which brings its own settings, starts the application without it.
 */
public class ProductionSettingsCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Log log = LogFactory.getLog(ProductionSettingsCheck.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        risks(environment).forEach(risk -> log.warn("Risky setting: " + risk));
    }

    /** Settings that are valid but that a security review should see; logged at every start. */
    static List<String> risks(ConfigurableEnvironment env) {
        List<String> risks = new ArrayList<>();
        if (env.getProperty("guestgate.bot.allow-anyone", Boolean.class, false)) {
            risks.add("guestgate.bot.allow-anyone=true: any Webex user anywhere can link an account, create meetings "
                    + "and have GuestGate mail any address from your sender with a link to your landing page; name "
                    + "guestgate.bot.allowed-org-ids instead");
        }
        return risks;
    }

    static List<String> problems(ConfigurableEnvironment env) {
        Settings settings = new Settings(env);
        settings.httpsUrl("guestgate.public-base-url",
                "where guests and Webex reach GuestGate, e.g. https://guestgate.example.com");
        settings.required("guestgate.webex.bot-token", "the bot's access token from developer.webex.com");
        settings.minLength("guestgate.webex.webhook-secret", 16, "a random secret Webex signs webhook deliveries with");
        settings.required("guestgate.webex.integration.client-id", "the Webex integration's client id");
        settings.required("guestgate.webex.integration.client-secret", "the Webex integration's client secret");
        settings.redirectUri();
        String mode = env.getProperty("guestgate.webex.guest.mode", "service-app").toLowerCase().replace('_', '-');
        switch (mode) {
            case "service-app" -> {
                settings.required("guestgate.webex.guest.service-app-token",
                        "the Service App's access token (guest mode service-app)");
                settings.allOrNone("so that GuestGate can keep the Service App's token valid by itself",
                        "guestgate.webex.guest.service-app-refresh-token",
                        "guestgate.webex.guest.service-app-client-id",
                        "guestgate.webex.guest.service-app-client-secret");
            }
            case "guest-issuer" -> {
                settings.required("guestgate.webex.guest.issuer-id", "the guest issuer's id (guest mode guest-issuer)");
                settings.base64("guestgate.webex.guest.issuer-secret", 1,
                        "the guest issuer's secret, base64 as Webex shows it (guest mode guest-issuer)");
            }
            default -> settings.problem("guestgate.webex.guest.mode",
                    "must be service-app or guest-issuer, was '" + mode + "'");
        }
        settings.cryptoKeys();
        settings.required("spring.security.oauth2.client.registration.ichapp.client-id",
                "the client id GuestGate has at the identity provider (ich.app)");
        settings.required("spring.security.oauth2.client.registration.ichapp.client-secret",
                "the client secret GuestGate has at the identity provider (ich.app)");
        settings.url("spring.security.oauth2.client.provider.ichapp.issuer-uri",
                "the identity provider's issuer; its /.well-known/openid-configuration must answer");
        settings.required("spring.mail.host", "the SMTP relay invitations are sent through");
        settings.redisPool();
        settings.whoMayUseTheBot();
        settings.admission();
        return settings.problems;
    }

    /** Collects problems, one line per property. */
    private static final class Settings {

        private final ConfigurableEnvironment env;
        private final List<String> problems = new ArrayList<>();

        Settings(ConfigurableEnvironment env) {
            this.env = env;
        }

        void problem(String property, String text) {
            problems.add(property + ": " + text);
        }

        String required(String property, String what) {
            String value = env.getProperty(property);
            if (value == null || value.isBlank()) {
                problem(property, "missing; set it to " + what);
                return null;
            }
            return value;
        }

        /** Either none of these or all of them: a partial set would fall back silently. */
        void allOrNone(String why, String... properties) {
            List<String> missing = new ArrayList<>();
            for (String property : properties) {
                String value = env.getProperty(property);
                if (value == null || value.isBlank()) {
                    missing.add(property);
                }
            }
            if (!missing.isEmpty() && missing.size() < properties.length) {
                missing.forEach(property -> problem(property, "missing; set it together with the others of "
                        + String.join(", ", properties) + ", " + why));
            }
        }

        void minLength(String property, int length, String what) {
            String value = required(property, what);
            if (value != null && value.length() < length) {
                problem(property, "too short; use at least " + length + " random characters");
            }
        }

        void url(String property, String what) {
            String value = required(property, what);
            if (value == null) {
                return;
            }
            try {
                URI uri = URI.create(value);
                if (!uri.isAbsolute() || uri.getHost() == null || !uri.getScheme().matches("https?")) {
                    problem(property, "must be an absolute http(s) URL, was '" + value + "'");
                }
            } catch (IllegalArgumentException e) {
                problem(property, "is not a URL: '" + value + "'");
            }
        }

        /** An https URL; plain http only for this machine (localhost, loopback addresses). */
        void httpsUrl(String property, String what) {
            int before = problems.size();
            url(property, what);
            String value = env.getProperty(property);
            if (problems.size() == before && value != null && URI.create(value).getScheme().equals("http")
                    && !isLoopback(URI.create(value).getHost())) {
                problem(property, "must be https (guests sign in through it, and cookies and tokens cross it), was '"
                        + value + "'");
            }
        }

        private static boolean isLoopback(String host) {
            return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        }

        void base64(String property, int minBytes, String what) {
            String value = required(property, what);
            if (value != null) {
                try {
                    if (Base64.getDecoder().decode(value.trim()).length < minBytes) {
                        problem(property, "decodes to too few bytes");
                    }
                } catch (IllegalArgumentException e) {
                    problem(property, "is not valid base64");
                }
            }
        }

        void redirectUri() {
            String property = "guestgate.webex.integration.redirect-uri";
            String value = required(property, "{guestgate.public-base-url}/oauth/webex/callback, as registered "
                    + "with the Webex integration");
            if (value != null && !value.endsWith("/oauth/webex/callback")) {
                problem(property, "must end with /oauth/webex/callback, was '" + value + "'");
            }
        }

        /** {@link AllowedOrganizers}: nobody until the operator says who, and anyone only when they say so. */
        void whoMayUseTheBot() {
            try {
                Binder.get(env).bind("guestgate.bot", AllowedOrganizers.class)
                        .orElseThrow(() -> new IllegalArgumentException(AllowedOrganizers.NOBODY));
            }
            catch (RuntimeException invalid) {
                problem("guestgate.bot.allowed-org-ids", rootMessage(invalid));
            }
        }

        /** {@link AdmissionProperties}' own rules, e.g. the name policy only with a required level of assurance. */
        void admission() {
            try {
                Binder.get(env).bindOrCreate("guestgate.admission", AdmissionProperties.class);
            }
            catch (RuntimeException invalid) {
                String message = rootMessage(invalid);
                int colon = message.indexOf(": ");
                if (message.startsWith("guestgate.admission.") && colon > 0) {
                    problem(message.substring(0, colon), message.substring(colon + 2));
                }
                else {
                    problem("guestgate.admission", message);
                }
            }
        }

        private static String rootMessage(Throwable error) {
            Throwable cause = error;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause.getMessage();
        }

        /** A configured pool must leave connections over once every blocking stream reader holds one. */
        void redisPool() {
            String property = "spring.data.redis.lettuce.pool.max-active";
            Binder binder = Binder.get(env);
            Integer maxActive = binder.bind(property, Integer.class).orElse(null);
            if (maxActive == null || maxActive < 0) {
                return;
            }
            int readers;
            try {
                readers = StreamReadersPool.readers(binder);
            }
            catch (RuntimeException invalid) {
                return;
            }
            if (maxActive <= readers) {
                problem(property, "is " + maxActive + ", but guestgate.bot.intake.concurrency + "
                        + "guestgate.outbox.concurrency = " + readers + " stream readers each hold a connection; "
                        + "set it above that (or leave it unset to have it sized for them)");
            }
        }

        void cryptoKeys() {
            Map<String, String> keys = Binder.get(env)
                    .bind("guestgate.crypto.keys", Bindable.mapOf(String.class, String.class))
                    .orElse(Map.of());
            if (keys.isEmpty()) {
                problem("guestgate.crypto.keys", "missing; set guestgate.crypto.keys.<id> to the base64 of 32 random "
                        + "bytes (openssl rand -base64 32)");
            }
            keys.forEach((id, value) -> {
                try {
                    if (Base64.getDecoder().decode(value.trim()).length != 32) {
                        problem("guestgate.crypto.keys." + id, "must be the base64 of exactly 32 bytes");
                    }
                } catch (IllegalArgumentException e) {
                    problem("guestgate.crypto.keys." + id, "is not valid base64");
                }
            });
            String active = required("guestgate.crypto.active-key", "the id of the key in guestgate.crypto.keys "
                    + "that encrypts new writes");
            if (active != null && !keys.isEmpty() && !keys.containsKey(active)) {
                problem("guestgate.crypto.active-key", "names '" + active + "', which is not in guestgate.crypto.keys");
            }
        }
    }
}
