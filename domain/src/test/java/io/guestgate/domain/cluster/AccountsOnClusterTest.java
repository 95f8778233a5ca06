package io.guestgate.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.account.AccountConnection;
import io.guestgate.domain.account.ConnectResult;
import io.guestgate.domain.account.LoginLinks;
import io.guestgate.domain.account.OrganizerAccounts;
import io.guestgate.domain.account.OrganizerTokens;
import io.guestgate.domain.account.TokenResult;
import io.guestgate.domain.testing.DomainTestApplication;
import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.faults.Fault;
import java.net.URI;
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
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Organizer accounts on the Redis Cluster, with two instances sharing it: single-use login states, sealed tokens,
 * the cross-instance refresh lock (same hash tag as the account) and logout.
 */
class AccountsOnClusterTest {

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
        Map<String, Object> shared = new LinkedHashMap<>();
        shared.put("guestgate.redis.key-prefix", prefix);
        shared.put("guestgate.crypto.keys.test", DomainTestProperties.randomKey());
        shared.put("guestgate.crypto.active-key", "test");
        shared.put("guestgate.bot.allowed-email-domains", "example.com");
        shared.put("guestgate.public-base-url", "http://localhost:8080");
        shared.put("guestgate.webex.api-base-url", webex.apiBaseUrl());
        shared.put(
                "guestgate.webex.integration.client-id",
                webex.seed().integration().clientId());
        shared.put(
                "guestgate.webex.integration.client-secret",
                webex.seed().integration().clientSecret());
        shared.put("guestgate.webex.http.max-attempts", "1");
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
    void linksOnOneInstanceRefreshesOnceAcrossBothAndLogsOutOnTheOther() {
        EmulatorSeed.Person olivia = webex.seed().organizer();
        URI login = first.getBean(LoginLinks.class).create(olivia.id()).block();
        String state = query(login, "state");
        // The browser comes back to the other instance, as a load balancer may send it.
        URI authorize =
                second.getBean(AccountConnection.class).authorizeRedirect(state).block();
        webex.signInAs(olivia);
        URI callback = WebClient.create()
                .get()
                .uri(authorize)
                .exchangeToMono(response ->
                        Mono.justOrEmpty(response.headers().asHttpHeaders().getLocation()))
                .block();
        String code = query(callback, "code");

        assertThat(second.getBean(AccountConnection.class).complete(state, code).block())
                .isInstanceOf(ConnectResult.Linked.class);
        assertThat(first.getBean(AccountConnection.class).complete(state, code).block())
                .as("a login state is used once")
                .isInstanceOf(ConnectResult.StateInvalid.class);
        String before = token(first.getBean(OrganizerTokens.class)
                .validAccessToken(olivia.id())
                .block());
        assertThat(RedisCluster.shared().keys(prefix + "{org:" + olivia.id() + "}"))
                .as("the account, on the cluster")
                .hasSize(1);

        webex.expireAccessTokensOf(olivia.id());
        webex.clearRequests();
        // A slow token endpoint keeps the first refresh in flight while every other caller arrives.
        webex.injectFault(Fault.delay("POST /v1/access_token", 400, 1));
        List<Mono<TokenResult>> callers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            callers.add(first.getBean(OrganizerTokens.class)
                    .renewRejected(olivia.id(), before)
                    .subscribeOn(Schedulers.parallel()));
            callers.add(second.getBean(OrganizerTokens.class)
                    .renewRejected(olivia.id(), before)
                    .subscribeOn(Schedulers.parallel()));
        }
        List<String> handedOut = Flux.merge(callers)
                .map(AccountsOnClusterTest::token)
                .distinct()
                .collectList()
                .block();

        assertThat(webex.requests("POST", "/v1/access_token")).hasSize(1);
        assertThat(handedOut).hasSize(1).doesNotContain(before);
        assertThat(webex.refreshTokenCount(olivia.id())).isEqualTo(1);

        assertThat(second.getBean(OrganizerAccounts.class).unlink(olivia.id()).block())
                .isTrue();
        assertThat(first.getBean(OrganizerTokens.class)
                        .validAccessToken(olivia.id())
                        .block())
                .isInstanceOf(TokenResult.RelinkNeeded.class);
    }

    private static String token(TokenResult result) {
        assertThat(result).isInstanceOf(TokenResult.Token.class);
        return ((TokenResult.Token) result).accessToken();
    }

    private static String query(URI uri, String name) {
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst(name);
    }

    private static ConfigurableApplicationContext instance(Map<String, Object> properties) {
        return new SpringApplicationBuilder(DomainTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run();
    }
}
