package io.guestgate.app.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.domain.meeting.Meeting;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.journal.JournalEntry;
import io.guestgate.emulator.serviceapp.ServiceAppGrants;
import io.guestgate.landing.token.GuestAccess;
import io.guestgate.landing.token.GuestTokens;
import io.guestgate.platform.redis.Ids;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Service App's token through its life, on two instances sharing Redis, with the pair an operator configures
 * (the emulator's seeded Service App: an access token, its refresh token, the app's client id and secret). Guests
 * keep getting their tokens throughout: when the configured pair is taken in, when Webex stops accepting a token
 * before its time, and when a token reaches its expiry. Each time exactly one refresh happens at Webex, whichever
 * instance does it, and health and the metric show the token's remaining life.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceAppTokenRefreshTest {

    private static final EmulatorSeed.ServiceApp APP = EmulatorSeed.defaults().serviceApp();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern REMAINING =
            Pattern.compile("(?m)^guestgate_serviceapp_token_remaining_seconds(?:\\{[^}]*\\})? ([0-9.eE+-]+)$");

    static ScaleWorld world;
    static WebexEmulator webex;

    @BeforeAll
    static void world() {
        world = ScaleWorld.start(new ScaleWorld.Options()
                .instances(2)
                .emulatorProperty("emulator.service-app.access-token-lifetime", "PT1H")
                .property("guestgate.webex.guest.service-app-refresh-token", APP.refreshToken())
                .property("guestgate.webex.guest.service-app-client-id", APP.clientId())
                .property("guestgate.webex.guest.service-app-client-secret", APP.clientSecret())
                // Test pace: each instance looks at the token twice a second (production: once a minute).
                .property("guestgate.service-app.check-interval", "500ms")
                .property("management.endpoint.health.show-details", "always"));
        webex = world.webex();
    }

    @AfterAll
    static void close() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    @Order(1)
    void theConfiguredPairIsTakenInWithExactlyOneRefreshAndGuestsGetTokens() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Instant first = healthExpiresAt(0);
            assertThat(first).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
            assertThat(healthExpiresAt(1)).isEqualTo(first);
        });

        assertThat(webex.serviceAppRefreshes())
                .as("refreshes of the configured pair, by two instances")
                .isEqualTo(1);
        assertThat(webex.serviceAppTokensIssued())
                .extracting(ServiceAppGrants.Issued::grant)
                .containsExactly("refresh_token");
        admitGuest("Mia", "Maier");
    }

    @Test
    @Order(2)
    void aTokenWebexStopsAcceptingEarlyIsReplacedOnceWhileGuestsOnBothInstancesKeepGettingTokens() {
        long before = webex.serviceAppRefreshes();
        Instant from = Instant.now();
        // The token that replaces it lives 12 s, for the next test; after it, Service App tokens live an hour again.
        webex.queueServiceAppTokenLifetimes(Duration.ofSeconds(12));
        assertThat(webex.expireAccessTokensOf(APP.id()))
                .as("Service App tokens Webex stops accepting")
                .isPositive();

        List<Mono<GuestAccess>> guests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int instance = i % 2;
            guests.add(mint(instance, "early-" + i).subscribeOn(Schedulers.parallel()));
        }
        List<GuestAccess> minted = Flux.merge(guests).collectList().block(Duration.ofSeconds(60));

        assertThat(minted)
                .hasSize(8)
                .allSatisfy(access -> assertThat(access.accessToken().value()).isNotBlank());
        assertThat(webex.serviceAppRefreshes())
                .as("refreshes after Webex stopped accepting the token")
                .isEqualTo(before + 1);
        assertThat(guestTokenCalls(from))
                .extracting(JournalEntry::status)
                .contains(401)
                .as("every guest token call answered 200 or, with the rejected token, 401")
                .containsOnly(200, 401);
        assertThat(refreshCalls(from)).extracting(JournalEntry::status).containsExactly(200);
    }

    @Test
    @Order(3)
    void aTokenNearItsExpiryIsRefreshedOnceAheadOfItAndNoGuestMeetsAnExpiredOne() throws Exception {
        List<ServiceAppGrants.Issued> issued = webex.serviceAppTokensIssued();
        ServiceAppGrants.Issued shortLived = issued.get(issued.size() - 1);
        assertThat(Duration.between(shortLived.issuedAt(), shortLived.expiresAt()))
                .isEqualTo(Duration.ofSeconds(12));
        Instant from = Instant.now();

        // Guests come to both instances, now and then, until well past the short-lived token's expiry.
        AtomicInteger guests = new AtomicInteger();
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    int n = guests.incrementAndGet();
                    assertThat(mint(n % 2, "late-" + n).block(Duration.ofSeconds(10)))
                            .isNotNull();
                    return Instant.now().isAfter(shortLived.expiresAt().plusSeconds(2)) && n >= 4;
                });

        List<ServiceAppGrants.Issued> after = webex.serviceAppTokensIssued().stream()
                .filter(i -> i.issuedAt().isAfter(shortLived.issuedAt()))
                .toList();
        assertThat(after)
                .as("pairs issued after the short-lived one")
                .singleElement()
                .satisfies(next -> {
                    assertThat(next.grant()).isEqualTo("refresh_token");
                    assertThat(next.issuedAt())
                            .as("refreshed ahead of the expiry")
                            .isBefore(shortLived.expiresAt());
                });
        assertThat(guestTokenCalls(from))
                .as("guest token calls while the token turned over")
                .extracting(JournalEntry::status)
                .containsOnly(200);
        assertThat(webex.serviceAppRefreshes())
                .as("configured pair, early rejection, expiry")
                .isEqualTo(3);

        for (int i = 0; i < world.size(); i++) {
            assertThat(healthExpiresAt(i)).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
            assertThat(remainingSecondsMetric(i))
                    .as("remaining life on instance " + i)
                    .isGreaterThan(3000);
        }
        admitGuest("Nora", "Neu");
    }

    // ---- helpers

    private static Mono<GuestAccess> mint(int instance, String invitation) {
        return world.instance(instance)
                .getBean(GuestTokens.class)
                .mint(GuestTokens.subjectFor("sa-" + invitation + "-" + Ids.random(6)), "Anna Muster");
    }

    /** A whole guest's way in through the balancer, ending with the guest token minted in the verified name. */
    private static void admitGuest(String given, String family) {
        Meeting meeting = world.storedMeeting(
                "Service App " + Ids.random(6), Instant.now().minus(Duration.ofMinutes(5)));
        String email = given.toLowerCase() + "-" + Ids.random(6) + "@example.com";
        ScaleWorld.InvitedGuest guest = world.invite(0, meeting, given + " " + family, email);
        world.nextGuestLogin(given.toLowerCase() + "-" + guest.invitation().id(), given, family, email);
        GuestFlow.Admitted admitted = GuestFlow.admit(world.publicUrl(), guest.token());
        assertThat(admitted.accessToken()).isNotBlank();
        assertThat(admitted.displayName()).isEqualTo(given + " " + family);
    }

    private static List<JournalEntry> guestTokenCalls(Instant from) {
        return webex.requests("POST", "/v1/guests/token").stream()
                .filter(e -> !e.time().isBefore(from))
                .toList();
    }

    private static List<JournalEntry> refreshCalls(Instant from) {
        return webex.requests("POST", "/v1/access_token").stream()
                .filter(e -> !e.time().isBefore(from) && "refresh_token".equals(e.grant()))
                .toList();
    }

    /** {@code expiresAt} of the {@code serviceApp} health component of an instance. */
    private static Instant healthExpiresAt(int instance) throws Exception {
        HttpResponse<String> health = get(world.managementUrl(instance) + "/actuator/health/serviceApp");
        assertThat(health.statusCode())
                .as("serviceApp health: " + health.body())
                .isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.path("status").asString()).isEqualTo("UP");
        return Instant.parse(body.path("details").path("expiresAt").asString());
    }

    private static double remainingSecondsMetric(int instance) throws Exception {
        String scrape =
                get(world.managementUrl(instance) + "/actuator/prometheus").body();
        Matcher remaining = REMAINING.matcher(scrape);
        assertThat(remaining.find())
                .as("guestgate_serviceapp_token_remaining_seconds is published")
                .isTrue();
        return Double.parseDouble(remaining.group(1));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(15))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
