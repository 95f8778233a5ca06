package io.guestgate.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.account.TokenResult.Token;
import io.guestgate.domain.testing.DomainTestApplication;
import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** An operator rotates {@code guestgate.crypto.active-key}; accounts written before stay usable. */
class KeyRotationTest {

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = WebexEmulatorExtension.withDefaults();

    static final String OLD_KEY = DomainTestProperties.randomKey();
    static final String NEW_KEY = DomainTestProperties.randomKey();

    @Test
    void readsAccountsSealedWithTheOldKeyAndReEncryptsThemOnTheNextWrite() {
        String prefix = DomainTestProperties.uniquePrefix();
        EmulatorSeed.Person olivia = WEBEX.get().seed().organizer();
        String tokenBefore;
        try (ConfigurableApplicationContext beforeRotation = instance(prefix, Map.of("old", OLD_KEY), "old")) {
            EmulatorLogin.link(beforeRotation, WEBEX.get(), olivia.id(), olivia);
            tokenBefore = ((Token) beforeRotation
                            .getBean(OrganizerTokens.class)
                            .validAccessToken(olivia.id())
                            .block())
                    .accessToken();
            assertThat(sealed(beforeRotation, olivia))
                    .allSatisfy(value -> assertThat(value).startsWith("v1.old."));
        }

        try (ConfigurableApplicationContext rotated = instance(prefix, Map.of("old", OLD_KEY, "new", NEW_KEY), "new")) {
            OrganizerTokens tokens = rotated.getBean(OrganizerTokens.class);
            assertThat(((Token) tokens.validAccessToken(olivia.id()).block()).accessToken())
                    .isEqualTo(tokenBefore);
            // Reading does not write: still under the old key.
            assertThat(sealed(rotated, olivia))
                    .allSatisfy(value -> assertThat(value).startsWith("v1.old."));

            EmulatorLogin.makeAccessTokenStale(rotated, olivia.id());
            String refreshed = ((Token) tokens.validAccessToken(olivia.id()).block()).accessToken();

            assertThat(refreshed).isNotEqualTo(tokenBefore);
            assertThat(sealed(rotated, olivia))
                    .allSatisfy(value -> assertThat(value).startsWith("v1.new."));
        }

        // Once everything is re-encrypted, the old key can leave the ring.
        try (ConfigurableApplicationContext oldKeyRetired = instance(prefix, Map.of("new", NEW_KEY), "new")) {
            assertThat(oldKeyRetired
                            .getBean(OrganizerTokens.class)
                            .validAccessToken(olivia.id())
                            .block())
                    .isInstanceOf(Token.class);
        }
    }

    private static java.util.List<String> sealed(ConfigurableApplicationContext context, EmulatorSeed.Person person) {
        String key = context.getBean(AccountStore.class).key(person.id());
        ReactiveStringRedisTemplate redis = context.getBean(ReactiveStringRedisTemplate.class);
        return redis.<String, String>opsForHash()
                .multiGet(key, java.util.List.of("accessToken", "refreshToken"))
                .block();
    }

    private static ConfigurableApplicationContext instance(String prefix, Map<String, String> keys, String active) {
        return new SpringApplicationBuilder(DomainTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(EmulatorLogin.properties(WEBEX.get(), prefix, keys, active))
                .run();
    }
}
