package io.guestgate.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.config.EmulatorSeed;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Drives a real login against the emulator without a browser: login link → authorize redirect → the emulator's
 * immediate answer (someone is signed in) → callback completion. Also the settings that point a context at the
 * emulator, and raw Redis reads for assertions.
 */
final class EmulatorLogin {

    private EmulatorLogin() {}

    /** Properties for a guest-list context on the real Redis, under {@code prefix}, talking to {@code webex}. */
    static Map<String, Object> properties(
            WebexEmulator webex, String prefix, Map<String, String> cryptoKeys, String activeKey) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("guestgate.redis.key-prefix", prefix);
        cryptoKeys.forEach((id, key) -> properties.put("guestgate.crypto.keys." + id, key));
        properties.put("guestgate.crypto.active-key", activeKey);
        properties.put("guestgate.bot.allowed-email-domains", "example.com");
        properties.put("spring.data.redis.host", "127.0.0.1");
        properties.put("spring.data.redis.port", "6379");
        properties.put("guestgate.public-base-url", "http://localhost:8080");
        properties.putAll(webexProperties(webex));
        return properties;
    }

    static Map<String, String> webexProperties(WebexEmulator webex) {
        EmulatorSeed.Integration integration = webex.seed().integration();
        return Map.of(
                "guestgate.webex.api-base-url", webex.apiBaseUrl(),
                "guestgate.webex.integration.client-id", integration.clientId(),
                "guestgate.webex.integration.client-secret", integration.clientSecret(),
                // A failed call should fail the test at once, not after backoff.
                "guestgate.webex.http.max-attempts", "1");
    }

    static Map<String, Object> properties(WebexEmulator webex) {
        return properties(
                webex, DomainTestProperties.uniquePrefix(), Map.of("test", DomainTestProperties.randomKey()), "test");
    }

    /** Runs the whole link as {@code chatPersonId} in chat, signing in to Webex as {@code signedIn}. */
    static ConnectResult link(
            ApplicationContext context, WebexEmulator webex, String chatPersonId, EmulatorSeed.Person signedIn) {
        URI login = context.getBean(LoginLinks.class).create(chatPersonId).block();
        String state = query(login, "state");
        URI authorize = context.getBean(AccountConnection.class)
                .authorizeRedirect(state)
                .block();
        webex.signInAs(signedIn);
        URI callback = WebClient.create()
                .get()
                .uri(authorize)
                .exchangeToMono(response ->
                        Mono.justOrEmpty(response.headers().asHttpHeaders().getLocation()))
                .block();
        assertThat(query(callback, "state")).isEqualTo(state);
        return context.getBean(AccountConnection.class)
                .complete(state, query(callback, "code"))
                .block();
    }

    static String query(URI uri, String name) {
        return UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst(name);
    }

    /** Every key and value (hash fields and values included) stored under the prefix. */
    static List<String> rawRedis(ReactiveStringRedisTemplate redis, String prefix) {
        return redis.keys(prefix + "*")
                .flatMap(key -> redis.type(key)
                        .flatMapMany(type -> switch (type.code()) {
                            case "string" -> redis.opsForValue().get(key).flux();
                            case "hash" ->
                                redis.<String, String>opsForHash()
                                        .entries(key)
                                        .flatMapIterable(e -> List.of(e.getKey(), e.getValue()));
                            default -> reactor.core.publisher.Flux.<String>empty();
                        })
                        .concatWithValues(key))
                .collectList()
                .block();
    }

    /** Makes the stored access token look as if it expires in a minute, so the next use refreshes it. */
    static void makeAccessTokenStale(ApplicationContext context, String personId) {
        String key = context.getBean(AccountStore.class).key(personId);
        long soon = System.currentTimeMillis() + 60_000;
        context.getBean(ReactiveStringRedisTemplate.class)
                .opsForHash()
                .put(key, "accessExpiresAt", Long.toString(soon))
                .block();
    }
}
