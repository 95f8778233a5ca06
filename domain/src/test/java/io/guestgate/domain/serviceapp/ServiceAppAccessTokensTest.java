package io.guestgate.domain.serviceapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.guestgate.domain.testing.DomainTestApplication;
import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.faults.Fault;
import io.guestgate.webex.WebexClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The Service App's token against the real Redis and the Webex emulator, with one or two instances (application
 * contexts on one key prefix) per installation. The keeper looks once at start (its interval is an hour here), so
 * every further refresh in a test is one the test caused.
 */
class ServiceAppAccessTokensTest {

    static WebexEmulator webex;
    static EmulatorSeed.ServiceApp app;
    final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeAll
    static void startEmulator() {
        webex = WebexEmulator.builder()
                .property("emulator.service-app.access-token-lifetime", "PT1H")
                .start();
        app = webex.seed().serviceApp();
    }

    @AfterAll
    static void stopEmulator() {
        webex.close();
    }

    @AfterEach
    void stopInstances() {
        for (int i = instances.size() - 1; i >= 0; i--) {
            instances.get(i).close();
        }
    }

    @Test
    void takesTheConfiguredPairInOnceRefreshingItAtStartAndKeepsItSealed() {
        Map<String, Object> installation = installation(webex.authorizeServiceApp());
        long before = webex.serviceAppRefreshes();
        ConfigurableApplicationContext first = instance(installation);
        ConfigurableApplicationContext second = instance(installation);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> tokens(second).status().block().expiresAt() != null);
        ServiceAppToken one = tokens(first).current().block();
        ServiceAppToken two = tokens(second).current().block();

        assertThat(webex.serviceAppRefreshes() - before)
                .as("refreshes by two instances taking the pair in")
                .isEqualTo(1);
        assertThat(two).isEqualTo(one);
        assertThat(one.accessToken().value()).isNotEqualTo(installation.get("guestgate.webex.guest.service-app-token"));
        assertThat(Duration.between(Instant.now(), one.expiresAt()))
                .isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
        assertThat(first.getBean(WebexClient.class)
                        .guests()
                        .serviceAppToken(one.accessToken(), "gg-1", "Anna")
                        .block())
                .isNotNull();
        assertThat(one.toString()).doesNotContain(one.accessToken().value());
        List<String> raw = rawRedis(first, (String) installation.get("guestgate.redis.key-prefix"));
        assertThat(raw)
                .isNotEmpty()
                .noneSatisfy(value -> assertThat(value)
                        .containsAnyOf(
                                one.accessToken().value(),
                                (String) installation.get("guestgate.webex.guest.service-app-token"),
                                (String) installation.get("guestgate.webex.guest.service-app-refresh-token"),
                                app.clientSecret()));
    }

    @Test
    void concurrentCallersWhoseTokenWebexRejectedCauseExactlyOneRefreshOnTwoInstances() {
        Map<String, Object> installation = installation(webex.authorizeServiceApp());
        ConfigurableApplicationContext first = instance(installation);
        ConfigurableApplicationContext second = instance(installation);
        ServiceAppToken rejected = awaitRefreshedToken(first);
        long before = webex.serviceAppRefreshes();
        // A slow Webex keeps the first refresh in flight while every other caller arrives.
        webex.injectFault(Fault.delay("POST /v1/access_token", 400, 1));

        List<Mono<ServiceAppToken>> callers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            callers.add(tokens(first).renewRejected(rejected).subscribeOn(Schedulers.parallel()));
            callers.add(tokens(second).renewRejected(rejected).subscribeOn(Schedulers.parallel()));
        }
        List<ServiceAppToken> renewed = Flux.merge(callers).collectList().block(Duration.ofSeconds(30));

        assertThat(webex.serviceAppRefreshes() - before).isEqualTo(1);
        assertThat(renewed)
                .hasSize(8)
                .extracting(t -> t.accessToken().value())
                .containsOnly(renewed.get(0).accessToken().value())
                .doesNotContain(rejected.accessToken().value());
        // A caller with the rejected token after the refresh gets the new one, without another refresh.
        assertThat(tokens(first).renewRejected(rejected).block()).isEqualTo(renewed.get(0));
        assertThat(webex.serviceAppRefreshes() - before).isEqualTo(1);
    }

    @Test
    void refreshesAheadOfTheExpiryOnlyWhenDueAndCallersTakeTheWorkingTokenMeanwhile() {
        Map<String, Object> installation = installation(webex.authorizeServiceApp());
        ConfigurableApplicationContext instance = instance(installation);
        ServiceAppToken fresh = awaitRefreshedToken(instance);
        long before = webex.serviceAppRefreshes();

        assertThat(tokens(instance).refreshIfDue().block())
                .as("not due with an hour left")
                .isEqualTo(fresh);
        makeDue(instance, Duration.ofMinutes(20));
        assertThat(value(tokens(instance).current().block()))
                .as("due, but a caller does not wait")
                .isEqualTo(value(fresh));
        assertThat(webex.serviceAppRefreshes()).isEqualTo(before);

        ServiceAppToken ahead = tokens(instance).refreshIfDue().block();

        assertThat(webex.serviceAppRefreshes() - before).isEqualTo(1);
        assertThat(value(ahead)).isNotEqualTo(value(fresh));
        assertThat(tokens(instance).current().block()).isEqualTo(ahead);
        assertThat(tokens(instance).status().block().remainingAt(Instant.now())).isGreaterThan(Duration.ofMinutes(59));
    }

    @Test
    void aRejectedRefreshTokenIsAskedWithOnceAndTheTokenServesUntilItExpires() {
        Map<String, Object> installation = installation(webex.authorizeServiceApp());
        ConfigurableApplicationContext instance = instance(installation);
        ServiceAppToken token = awaitRefreshedToken(instance);
        webex.revokeServiceAppRefreshTokens();
        makeDue(instance, Duration.ofMinutes(20));
        webex.clearRequests();

        assertThat(value(tokens(instance).refreshIfDue().block())).isEqualTo(value(token));
        assertThat(value(tokens(instance).refreshIfDue().block())).isEqualTo(value(token));
        assertThat(value(tokens(instance).current().block())).isEqualTo(value(token));

        assertThat(webex.requests("POST", "/v1/access_token"))
                .extracting(e -> e.status())
                .containsExactly(400);
        ServiceAppStatus status = tokens(instance).status().block();
        assertThat(status.usable()).isTrue();
        assertThat(status.problem()).contains("rejected the refresh token", "Authorize the Service App again");

        makeDue(instance, Duration.ofMinutes(-1));
        assertThatThrownBy(() -> tokens(instance).current().block())
                .isInstanceOf(ServiceAppTokenException.class)
                .hasMessageContaining("rejected its refresh token")
                .hasMessageNotContaining(token.accessToken().value());
        assertThat(tokens(instance).status().block().usable()).isFalse();
    }

    @Test
    void aNewConfiguredPairIsTakenInAndAnInstanceStillOnTheOldOneNeverPutsItBack() {
        Map<String, Object> old = installation(webex.authorizeServiceApp());
        ConfigurableApplicationContext oldInstance = instance(old);
        awaitRefreshedToken(oldInstance);
        Map<String, Object> renewed = new LinkedHashMap<>(old);
        Map<String, Object> newPair = webex.authorizeServiceApp();
        renewed.put("guestgate.webex.guest.service-app-token", newPair.get("access_token"));
        renewed.put("guestgate.webex.guest.service-app-refresh-token", newPair.get("refresh_token"));
        long before = webex.serviceAppRefreshes();

        ConfigurableApplicationContext newInstance = instance(renewed);
        ServiceAppToken fromNewPair = await().atMost(Duration.ofSeconds(10))
                .until(() -> tokens(newInstance).current().block(), t -> webex.serviceAppRefreshes() == before + 1);
        ConfigurableApplicationContext restartedOld = instance(old);

        assertThat(tokens(oldInstance).current().block()).isEqualTo(fromNewPair);
        assertThat(tokens(restartedOld).current().block()).isEqualTo(fromNewPair);
        assertThat(webex.serviceAppRefreshes()).isEqualTo(before + 1);
    }

    @Test
    void withoutTheRefreshSettingsTheConfiguredTokenIsHandedOutAsGiven() {
        Map<String, Object> installation = installation(webex.authorizeServiceApp());
        installation.remove("guestgate.webex.guest.service-app-refresh-token");
        ConfigurableApplicationContext instance = instance(installation);
        webex.clearRequests();

        ServiceAppToken token = tokens(instance).current().block();

        assertThat(token.accessToken().value()).isEqualTo(installation.get("guestgate.webex.guest.service-app-token"));
        assertThat(token.expiresAt()).isNull();
        assertThat(tokens(instance).renewRejected(token).block()).isNull();
        assertThat(tokens(instance).status().block()).satisfies(status -> {
            assertThat(status.refreshed()).isFalse();
            assertThat(status.problem()).contains("guestgate.webex.guest.service-app-refresh-token");
        });
        assertThat(webex.requests()).isEmpty();
        assertThat(rawRedis(instance, (String) installation.get("guestgate.redis.key-prefix")))
                .isEmpty();
    }

    // ---- helpers

    /** The settings of one installation (its own key prefix and key) with this Service App pair. */
    private static Map<String, Object> installation(Map<String, Object> pair) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("guestgate.redis.key-prefix", DomainTestProperties.uniquePrefix());
        p.put("guestgate.crypto.keys.test", DomainTestProperties.randomKey());
        p.put("guestgate.crypto.active-key", "test");
        p.put("spring.data.redis.host", "127.0.0.1");
        p.put("spring.data.redis.port", "6379");
        p.put("guestgate.public-base-url", "http://localhost:8080");
        p.put("guestgate.bot.allowed-email-domains", "example.com");
        p.put("guestgate.webex.api-base-url", webex.apiBaseUrl());
        p.put("guestgate.webex.http.max-attempts", "1");
        p.put("guestgate.webex.guest.mode", "service-app");
        p.put("guestgate.webex.guest.service-app-token", pair.get("access_token"));
        p.put("guestgate.webex.guest.service-app-refresh-token", pair.get("refresh_token"));
        p.put("guestgate.webex.guest.service-app-client-id", app.clientId());
        p.put("guestgate.webex.guest.service-app-client-secret", app.clientSecret());
        p.put("guestgate.service-app.check-interval", "1h");
        return p;
    }

    private ConfigurableApplicationContext instance(Map<String, Object> properties) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DomainTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run();
        instances.add(context);
        return context;
    }

    private static String value(ServiceAppToken token) {
        return token.accessToken().value();
    }

    private static ServiceAppAccessTokens tokens(ConfigurableApplicationContext instance) {
        return instance.getBean(ServiceAppAccessTokens.class);
    }

    /** The token once the keeper's look at start has refreshed the configured pair. */
    private static ServiceAppToken awaitRefreshedToken(ConfigurableApplicationContext instance) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> tokens(instance).current().block(), token -> token.expiresAt() != null);
    }

    /** Makes the stored access token look as if it had {@code left} of its hour, so that it is due (or expired). */
    private static void makeDue(ConfigurableApplicationContext instance, Duration left) {
        String key = instance.getBean(ServiceAppTokenStore.class).key();
        long now = System.currentTimeMillis();
        instance.getBean(ReactiveStringRedisTemplate.class)
                .opsForHash()
                .putAll(
                        key,
                        Map.of(
                                "accessIssuedAt",
                                        Long.toString(now - Duration.ofHours(1).toMillis()),
                                "accessExpiresAt", Long.toString(now + left.toMillis())))
                .block();
    }

    /** Every key, value, hash field and set member stored under the prefix. */
    private static List<String> rawRedis(ConfigurableApplicationContext instance, String prefix) {
        ReactiveStringRedisTemplate redis = instance.getBean(ReactiveStringRedisTemplate.class);
        return redis.keys(prefix + "*")
                .flatMap(key -> redis.type(key)
                        .flatMapMany(type -> switch (type.code()) {
                            case "string" -> redis.opsForValue().get(key).flux();
                            case "hash" ->
                                redis.<String, String>opsForHash()
                                        .entries(key)
                                        .flatMapIterable(e -> List.of(e.getKey(), e.getValue()));
                            case "set" -> redis.opsForSet().members(key);
                            default -> Flux.<String>empty();
                        })
                        .concatWithValues(key))
                .collectList()
                .block();
    }
}
