package io.guestgate.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.domain.serviceapp.ServiceAppAccessTokens;
import io.guestgate.domain.serviceapp.ServiceAppToken;
import io.guestgate.domain.testing.DomainTestApplication;
import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.faults.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The Service App's token on the Redis Cluster, with two instances sharing it: the pair, the set of configured pairs
 * taken in and the refresh lock share the {@code {service-app}} hash tag, so the scripts that take a pair in, replace
 * it and mark it rejected run on one slot.
 */
class ServiceAppOnClusterTest {

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = WebexEmulatorExtension.withDefaults();

    static WebexEmulator webex;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static String prefix;

    @BeforeAll
    static void start() {
        webex = WEBEX.get();
        prefix = DomainTestProperties.uniquePrefix();
        EmulatorSeed.ServiceApp app = webex.seed().serviceApp();
        Map<String, Object> pair = webex.authorizeServiceApp();
        Map<String, Object> shared = new LinkedHashMap<>();
        shared.put("guestgate.redis.key-prefix", prefix);
        shared.put("guestgate.crypto.keys.test", DomainTestProperties.randomKey());
        shared.put("guestgate.crypto.active-key", "test");
        shared.put("guestgate.bot.allowed-email-domains", "example.com");
        shared.put("guestgate.public-base-url", "http://localhost:8080");
        shared.put("guestgate.webex.api-base-url", webex.apiBaseUrl());
        shared.put("guestgate.webex.http.max-attempts", "1");
        shared.put("guestgate.webex.guest.service-app-token", pair.get("access_token"));
        shared.put("guestgate.webex.guest.service-app-refresh-token", pair.get("refresh_token"));
        shared.put("guestgate.webex.guest.service-app-client-id", app.clientId());
        shared.put("guestgate.webex.guest.service-app-client-secret", app.clientSecret());
        shared.put("guestgate.service-app.check-interval", "1h");
        shared.putAll(RedisCluster.shared().properties());
        first = instance(shared);
        second = instance(shared);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        RedisCluster.shared().deleteKeys(prefix + "*");
    }

    @Test
    void takesThePairInOnceAndRefreshesARejectedTokenOnceAcrossBothInstances() {
        ServiceAppToken taken = await().atMost(Duration.ofSeconds(10))
                .until(() -> tokens(second).current().block(), token -> token.expiresAt() != null);
        assertThat(webex.serviceAppRefreshes())
                .as("the configured pair, refreshed once at start")
                .isEqualTo(1);
        webex.injectFault(Fault.delay("POST /v1/access_token", 400, 1));

        List<Mono<ServiceAppToken>> callers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            callers.add(tokens(first).renewRejected(taken).subscribeOn(Schedulers.parallel()));
            callers.add(tokens(second).renewRejected(taken).subscribeOn(Schedulers.parallel()));
        }
        List<ServiceAppToken> renewed = Flux.merge(callers).collectList().block(Duration.ofSeconds(30));

        assertThat(webex.serviceAppRefreshes()).isEqualTo(2);
        assertThat(renewed)
                .hasSize(8)
                .extracting(t -> t.accessToken().value())
                .containsOnly(renewed.get(0).accessToken().value())
                .doesNotContain(taken.accessToken().value());
        assertThat(tokens(first).status().block().usable()).isTrue();
    }

    private static ServiceAppAccessTokens tokens(ConfigurableApplicationContext instance) {
        return instance.getBean(ServiceAppAccessTokens.class);
    }

    private static ConfigurableApplicationContext instance(Map<String, Object> properties) {
        return new SpringApplicationBuilder(DomainTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run();
    }
}
