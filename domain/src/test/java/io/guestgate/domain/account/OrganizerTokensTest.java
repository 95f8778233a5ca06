package io.guestgate.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.account.TokenResult.Reason;
import io.guestgate.domain.account.TokenResult.RelinkNeeded;
import io.guestgate.domain.account.TokenResult.Token;
import io.guestgate.domain.testing.DomainTestApplication;
import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.platform.redis.RedisKeys;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.oauth.AccessToken;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Organizer tokens against the real Redis and the Webex emulator. */
@SpringBootTest(classes = DomainTestApplication.class)
class OrganizerTokensTest {

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = WebexEmulatorExtension.withDefaults();

    static final EmulatorSeed.Person OLIVIA = EmulatorSeed.defaults().organizer();
    static final EmulatorSeed.Person PETER = EmulatorSeed.defaults().secondPerson();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DomainTestProperties.register(registry);
        EmulatorLogin.webexProperties(WEBEX.get()).forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    OrganizerTokens tokens;

    @Autowired
    OrganizerAccounts accounts;

    @Autowired
    AccountStore store;

    @Autowired
    WebexClient webex;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    RedisKeys keys;

    @BeforeEach
    void freshJournal() {
        WEBEX.get().clearRequests();
    }

    @Test
    void linkStoresTheAccountAndHandsOutATokenThatWorksAtWebex() {
        ConnectResult result = EmulatorLogin.link(context, WEBEX.get(), OLIVIA.id(), OLIVIA);

        assertThat(result).isInstanceOf(ConnectResult.Linked.class);
        OrganizerAccount account = accounts.find(OLIVIA.id()).block();
        assertThat(account.status()).isEqualTo(AccountStatus.LINKED);
        assertThat(account.email()).isEqualTo(OLIVIA.email());
        assertThat(account.displayName()).isEqualTo(OLIVIA.displayName());
        Token token = (Token) tokens.validAccessToken(OLIVIA.id()).block();
        assertThat(webex.people()
                        .me(AccessToken.of(token.accessToken()))
                        .block()
                        .id())
                .isEqualTo(OLIVIA.id());
        assertThat(WEBEX.get().requests("POST", "/v1/access_token"))
                .extracting(e -> e.grant())
                .containsExactly("authorization_code");
    }

    @Test
    void handsOutTheStoredTokenWithoutAskingWebexWhileItIsFresh() {
        EmulatorLogin.link(context, WEBEX.get(), OLIVIA.id(), OLIVIA);
        WEBEX.get().clearRequests();

        Token first = (Token) tokens.validAccessToken(OLIVIA.id()).block();
        Token second = (Token) tokens.validAccessToken(OLIVIA.id()).block();

        assertThat(second.accessToken()).isEqualTo(first.accessToken());
        assertThat(WEBEX.get().requests()).isEmpty();
    }

    @Test
    void refreshesATokenWithinTheSkewAndSavesTheRotatedRefreshTokenFirst() {
        WEBEX.get().revokeRefreshTokens(OLIVIA.id());
        EmulatorLogin.link(context, WEBEX.get(), OLIVIA.id(), OLIVIA);
        String before = ((Token) tokens.validAccessToken(OLIVIA.id()).block()).accessToken();
        String sealedRefreshBefore = store.find(OLIVIA.id()).block().sealedRefresh();
        String refreshBefore = store.open(store.find(OLIVIA.id()).block()).refreshToken();
        EmulatorLogin.makeAccessTokenStale(context, OLIVIA.id());
        WEBEX.get().clearRequests();

        Token refreshed = (Token) tokens.validAccessToken(OLIVIA.id()).block();

        assertThat(refreshed.accessToken()).isNotEqualTo(before);
        assertThat(WEBEX.get().requests("POST", "/v1/access_token"))
                .extracting(e -> e.grant())
                .containsExactly("refresh_token");
        IssuedTokens stored = store.open(store.find(OLIVIA.id()).block());
        assertThat(stored.accessToken()).isEqualTo(refreshed.accessToken());
        assertThat(stored.refreshToken()).isNotEqualTo(refreshBefore);
        assertThat(store.find(OLIVIA.id()).block().sealedRefresh()).isNotEqualTo(sealedRefreshBefore);
        assertThat(webex.people()
                        .me(AccessToken.of(refreshed.accessToken()))
                        .block()
                        .id())
                .isEqualTo(OLIVIA.id());
        // The emulator rotates: the old refresh token is used up, and the one live refresh token is the one stored.
        assertThat(WEBEX.get().refreshTokenCount(OLIVIA.id())).isEqualTo(1);
        assertThat(tokens.renewRejected(OLIVIA.id(), refreshed.accessToken()).block())
                .isInstanceOf(Token.class);
    }

    @Test
    void revokedRefreshTokenMeansRelinkNeededAndUnlinksTheAccount() {
        EmulatorLogin.link(context, WEBEX.get(), OLIVIA.id(), OLIVIA);
        EmulatorLogin.makeAccessTokenStale(context, OLIVIA.id());
        assertThat(WEBEX.get().revokeRefreshTokens(OLIVIA.id())).isPositive();

        TokenResult result = tokens.validAccessToken(OLIVIA.id()).block();

        assertThat(result).isEqualTo(new RelinkNeeded(Reason.REFRESH_REJECTED));
        assertThat(accounts.find(OLIVIA.id()).block().status()).isEqualTo(AccountStatus.UNLINKED);
        assertThat(redis.<String, String>opsForHash()
                        .keys(store.key(OLIVIA.id()))
                        .collectList()
                        .block())
                .doesNotContain("accessToken", "refreshToken");
        assertThat(tokens.validAccessToken(OLIVIA.id()).block()).isEqualTo(new RelinkNeeded(Reason.NOT_LINKED));
    }

    @Test
    void expiredRefreshTokenMeansRelinkNeededWithoutAskingWebex() {
        EmulatorLogin.link(context, WEBEX.get(), OLIVIA.id(), OLIVIA);
        EmulatorLogin.makeAccessTokenStale(context, OLIVIA.id());
        redis.opsForHash()
                .put(store.key(OLIVIA.id()), "refreshExpiresAt", Long.toString(System.currentTimeMillis() - 1000))
                .block();
        WEBEX.get().clearRequests();

        assertThat(tokens.validAccessToken(OLIVIA.id()).block()).isEqualTo(new RelinkNeeded(Reason.REFRESH_EXPIRED));
        assertThat(WEBEX.get().requests()).isEmpty();
        assertThat(accounts.find(OLIVIA.id()).block().status()).isEqualTo(AccountStatus.UNLINKED);
    }

    @Test
    void renewsATokenWebexRejectedWithA401() {
        EmulatorLogin.link(context, WEBEX.get(), OLIVIA.id(), OLIVIA);
        String rejected = ((Token) tokens.validAccessToken(OLIVIA.id()).block()).accessToken();
        WEBEX.get().expireAccessToken(rejected);

        Token renewed = (Token) tokens.renewRejected(OLIVIA.id(), rejected).block();
        // A second caller that saw the same 401 gets the already renewed token, without another refresh.
        Token again = (Token) tokens.renewRejected(OLIVIA.id(), rejected).block();

        assertThat(renewed.accessToken()).isNotEqualTo(rejected).isEqualTo(again.accessToken());
        assertThat(WEBEX.get().requests("POST", "/v1/access_token"))
                .filteredOn(e -> "refresh_token".equals(e.grant()))
                .hasSize(1);
        assertThat(webex.people()
                        .me(AccessToken.of(renewed.accessToken()))
                        .block()
                        .id())
                .isEqualTo(OLIVIA.id());
    }

    @Test
    void unlinkDeletesTheTokens() {
        EmulatorLogin.link(context, WEBEX.get(), OLIVIA.id(), OLIVIA);

        assertThat(accounts.unlink(OLIVIA.id()).block()).isTrue();

        assertThat(accounts.find(OLIVIA.id()).block().status()).isEqualTo(AccountStatus.UNLINKED);
        assertThat(redis.<String, String>opsForHash()
                        .keys(store.key(OLIVIA.id()))
                        .collectList()
                        .block())
                .doesNotContain("accessToken", "accessExpiresAt", "refreshToken", "refreshExpiresAt");
        assertThat(tokens.validAccessToken(OLIVIA.id()).block()).isEqualTo(new RelinkNeeded(Reason.NOT_LINKED));
    }

    @Test
    void someoneWhoNeverLinkedNeedsToLinkAndUnlinkFindsNothing() {
        String stranger = EmulatorSeed.WebexIds.random("PEOPLE");

        assertThat(tokens.validAccessToken(stranger).block()).isEqualTo(new RelinkNeeded(Reason.NOT_LINKED));
        assertThat(accounts.find(stranger).block()).isNull();
        assertThat(accounts.unlink(stranger).block()).isFalse();
    }

    @Test
    void aTokenCopiedIntoAnotherAccountCannotBeOpened() {
        EmulatorLogin.link(context, WEBEX.get(), OLIVIA.id(), OLIVIA);
        EmulatorLogin.link(context, WEBEX.get(), PETER.id(), PETER);
        String oliviasSealedAccess = store.find(OLIVIA.id()).block().sealedAccess();
        redis.opsForHash()
                .put(store.key(PETER.id()), "accessToken", oliviasSealedAccess)
                .block();

        assertThat(tokens.validAccessToken(PETER.id()).block()).isEqualTo(new RelinkNeeded(Reason.UNREADABLE));
        assertThat(accounts.find(PETER.id()).block().status()).isEqualTo(AccountStatus.UNLINKED);
    }

    @Test
    void redisHoldsNoPlaintextToken() {
        EmulatorLogin.link(context, WEBEX.get(), OLIVIA.id(), OLIVIA);
        IssuedTokens plain = store.open(store.find(OLIVIA.id()).block());

        var raw = EmulatorLogin.rawRedis(redis, keys.prefix());

        assertThat(raw)
                .isNotEmpty()
                .noneMatch(value -> value.contains(plain.accessToken()) || value.contains(plain.refreshToken()));
        assertThat(redis.<String, String>opsForHash()
                        .entries(store.key(OLIVIA.id()))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                        .block())
                .hasEntrySatisfying("accessToken", v -> assertThat(v).startsWith("v1.test."))
                .hasEntrySatisfying("refreshToken", v -> assertThat(v).startsWith("v1.test."));
        assertThat(redis.getExpire(store.key(OLIVIA.id())).block()).isPositive();
    }
}
