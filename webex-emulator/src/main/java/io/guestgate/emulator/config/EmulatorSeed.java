package io.guestgate.emulator.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The world an emulator starts with: people, the bot, the OAuth integration, guest issuers and a Service App.
 * Every id that is left out is derived from the email or name, so a seed file stays short and ids stay stable.
 */
public record EmulatorSeed(
        String orgId,
        String siteUrl,
        List<Person> people,
        Person bot,
        Integration integration,
        List<GuestIssuer> guestIssuers,
        ServiceApp serviceApp) {

    public EmulatorSeed {
        orgId = orgId == null || orgId.isBlank() ? WebexIds.of("ORGANIZATION", "guestgate-emulator-org") : orgId;
        siteUrl = siteUrl == null || siteUrl.isBlank() ? "guestgate-sandbox.webex.com" : siteUrl;
        people = List.copyOf(Objects.requireNonNull(people, "people"));
        if (people.isEmpty()) {
            throw new IllegalArgumentException("seed needs at least one person (the organizer)");
        }
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(integration, "integration");
        guestIssuers = guestIssuers == null ? List.of() : List.copyOf(guestIssuers);
    }

    /** The first person: the organizer in the usual scenarios. */
    public Person organizer() {
        return people.get(0);
    }

    /** The second person, if the seed has one. */
    public Person secondPerson() {
        if (people.size() < 2) {
            throw new IllegalStateException("seed has only one person");
        }
        return people.get(1);
    }

    public GuestIssuer guestIssuer() {
        if (guestIssuers.isEmpty()) {
            throw new IllegalStateException("seed has no guest issuer");
        }
        return guestIssuers.get(0);
    }

    public Optional<Person> personByEmail(String email) {
        return people.stream().filter(p -> p.email().equalsIgnoreCase(email)).findFirst();
    }

    public EmulatorSeed withPeople(List<Person> newPeople) {
        return new EmulatorSeed(orgId, siteUrl, newPeople, bot, integration, guestIssuers, serviceApp);
    }

    public EmulatorSeed withIntegration(Integration newIntegration) {
        return new EmulatorSeed(orgId, siteUrl, people, bot, newIntegration, guestIssuers, serviceApp);
    }

    public EmulatorSeed withSiteUrl(String newSiteUrl) {
        return new EmulatorSeed(orgId, newSiteUrl, people, bot, integration, guestIssuers, serviceApp);
    }

    /** Reads a seed file (the format the README describes); fields left out get the same defaults as in code. */
    public static EmulatorSeed read(Path file) throws IOException {
        try {
            return JsonMapper.builder().build().readValue(file.toFile(), EmulatorSeed.class);
        } catch (JacksonException e) {
            throw new IOException("seed file " + file + " is not valid: " + e.getOriginalMessage(), e);
        }
    }

    /** A ready-made world: an organizer, a second person, a bot, an integration, a guest issuer and a Service App. */
    public static EmulatorSeed defaults() {
        return new EmulatorSeed(
                null,
                null,
                List.of(
                        new Person(null, "olivia.organizer@example.com", "Olivia Organizer", "organizer-access-token"),
                        new Person(null, "peter.person@example.com", "Peter Person", "second-person-access-token")),
                new Person(null, "guestgate@webex.bot", "GuestGate", "bot-access-token"),
                new Integration(
                        "emulator-client-id",
                        "emulator-client-secret",
                        List.of(
                                "http://localhost:8080/oauth/webex/callback",
                                "http://127.0.0.1:8080/oauth/webex/callback"),
                        List.of(
                                "meeting:schedules_read",
                                "meeting:schedules_write",
                                "meeting:participants_read",
                                "meeting:participants_write",
                                "spark:people_read",
                                "spark:kms")),
                List.of(new GuestIssuer(
                        WebexIds.of("ORGANIZATION", "guest-issuer"),
                        Base64.getEncoder()
                                .encodeToString("emulator-guest-issuer-secret-32b".getBytes(StandardCharsets.UTF_8)))),
                new ServiceApp(null, "GuestGate Service App", "service-app-access-token"));
    }

    /** A Webex user (or the bot) with a long-lived access token, as a developer token would be. */
    public record Person(String id, String email, String displayName, String accessToken) {
        public Person {
            requireText(email, "email");
            requireText(displayName, "displayName");
            requireText(accessToken, "accessToken");
            id = id == null || id.isBlank() ? WebexIds.of("PEOPLE", email.toLowerCase()) : id;
        }
    }

    /** The OAuth integration: who may ask for codes and where they may be sent. */
    public record Integration(String clientId, String clientSecret, List<String> redirectUris, List<String> scopes) {
        public Integration {
            requireText(clientId, "clientId");
            requireText(clientSecret, "clientSecret");
            redirectUris = List.copyOf(Objects.requireNonNull(redirectUris, "redirectUris"));
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }

        public Integration withRedirectUris(List<String> uris) {
            return new Integration(clientId, clientSecret, uris, scopes);
        }
    }

    /** A Guest Issuer: JWTs it signs with the base64-decoded secret are exchanged at /jwt/login. */
    public record GuestIssuer(String id, String secret) {
        public GuestIssuer {
            requireText(id, "id");
            requireText(secret, "secret");
            try {
                Base64.getDecoder().decode(secret);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("guest issuer secret must be base64", e);
            }
        }

        public byte[] decodedSecret() {
            return Base64.getDecoder().decode(secret);
        }
    }

    /**
     * A Service App whose token may create guests at /guests/token, authorized for the seed's org. Its seeded access
     * token never expires unless a test expires it; {@code refreshToken} (with the app's own client id and secret at
     * {@code /access_token}) gives expiring pairs, as Webex's do.
     */
    public record ServiceApp(
            String id, String name, String accessToken, String refreshToken, String clientId, String clientSecret) {
        public ServiceApp {
            requireText(name, "name");
            requireText(accessToken, "accessToken");
            id = id == null || id.isBlank() ? WebexIds.of("APPLICATION", name) : id;
            refreshToken = refreshToken == null || refreshToken.isBlank() ? "service-app-refresh-token" : refreshToken;
            clientId = clientId == null || clientId.isBlank() ? "emulator-service-app-client-id" : clientId;
            clientSecret = clientSecret == null || clientSecret.isBlank()
                    ? "emulator-service-app-client-secret"
                    : clientSecret;
        }

        public ServiceApp(String id, String name, String accessToken) {
            this(id, name, accessToken, null, null, null);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("seed field '" + name + "' is required");
        }
    }

    /** Webex ids are base64 of {@code ciscospark://us/<TYPE>/<uuid>}, without padding. */
    public static final class WebexIds {
        private WebexIds() {}

        public static String of(String type, String stableName) {
            UUID uuid = UUID.nameUUIDFromBytes((type + ":" + stableName).getBytes(StandardCharsets.UTF_8));
            return encode(type, uuid);
        }

        public static String random(String type) {
            return encode(type, UUID.randomUUID());
        }

        private static String encode(String type, UUID uuid) {
            String raw = "ciscospark://us/" + type + "/" + uuid;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }
    }
}
