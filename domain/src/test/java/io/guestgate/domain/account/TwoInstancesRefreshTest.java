package io.guestgate.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.account.TokenResult.Token;
import io.guestgate.domain.testing.DomainTestApplication;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.faults.Fault;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.oauth.AccessToken;
import java.util.ArrayList;
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
 * Two GuestGate instances (two application contexts, each with its own Redis connection) share one Redis and key
 * prefix, as replicas behind a load balancer do. Both need a refreshed token at the same moment.
 */
class TwoInstancesRefreshTest {

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = WebexEmulatorExtension.withDefaults();

    static WebexEmulator webex;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        webex = WEBEX.get();
        Map<String, Object> shared = EmulatorLogin.properties(webex);
        first = instance(shared);
        second = instance(shared);
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void concurrentCallersOnTwoInstancesCauseExactlyOneRefreshAndAllGetTheNewToken() {
        EmulatorSeed.Person olivia = webex.seed().organizer();
        EmulatorLogin.link(first, webex, olivia.id(), olivia);
        String before = ((Token) first.getBean(OrganizerTokens.class)
                        .validAccessToken(olivia.id())
                        .block())
                .accessToken();
        EmulatorLogin.makeAccessTokenStale(first, olivia.id());
        webex.clearRequests();
        // A slow Webex keeps the first refresh in flight while every other caller arrives.
        webex.injectFault(Fault.delay("POST /v1/access_token", 400, 1));

        List<Mono<TokenResult>> callers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            callers.add(first.getBean(OrganizerTokens.class)
                    .validAccessToken(olivia.id())
                    .subscribeOn(Schedulers.parallel()));
            callers.add(second.getBean(OrganizerTokens.class)
                    .validAccessToken(olivia.id())
                    .subscribeOn(Schedulers.parallel()));
        }
        List<TokenResult> results = Flux.merge(callers).collectList().block();

        assertThat(webex.requests("POST", "/v1/access_token"))
                .extracting(e -> e.grant())
                .containsExactly("refresh_token");
        assertThat(results).hasSize(8).allSatisfy(result -> assertThat(result).isInstanceOf(Token.class));
        List<String> handedOut = results.stream()
                .map(result -> ((Token) result).accessToken())
                .distinct()
                .toList();
        assertThat(handedOut).hasSize(1).doesNotContain(before);
        WebexClient client = second.getBean(WebexClient.class);
        assertThat(client.people().me(AccessToken.of(handedOut.get(0))).block().id())
                .isEqualTo(olivia.id());
        assertThat(webex.refreshTokenCount(olivia.id())).isEqualTo(1);
    }

    private static ConfigurableApplicationContext instance(Map<String, Object> properties) {
        return new SpringApplicationBuilder(DomainTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run();
    }
}
