package io.guestgate.bot.invite;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.account.AccountConnection;
import io.guestgate.domain.account.ConnectResult;
import io.guestgate.domain.account.LoginLinks;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStatus;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.domain.testing.LocalRedis;
import io.guestgate.emulator.WebexEmulator;
import io.guestgate.emulator.config.EmulatorSeed;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the invitation integration tests share: the real Redis under a key prefix of their own (as
 * {@link DomainTestProperties} makes them, in a property map so that two contexts can share one), a Webex emulator for
 * the bot's chat messages and meeting calls, and an SMTP server. Contexts are started by hand, so that two of them
 * can share one outbox (the crash test) and a test can choose the SMTP port.
 */
public final class InviteTestWorld {

    private InviteTestWorld() {}

    public static String uniquePrefix() {
        return DomainTestProperties.uniquePrefix();
    }

    /** Everything a context needs; callers add or override, e.g. {@code guestgate.outbox.*}. */
    public static Map<String, Object> properties(String prefix, WebexEmulator webex, int smtpPort) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("guestgate.redis.key-prefix", prefix);
        properties.put("guestgate.crypto.keys.test", DomainTestProperties.randomKey());
        properties.put("guestgate.crypto.active-key", "test");
        properties.put("guestgate.bot.allowed-email-domains", "example.com");
        properties.put("spring.data.redis.host", "127.0.0.1");
        properties.put("spring.data.redis.port", "6379");
        properties.put("guestgate.public-base-url", "https://guestgate.example.com");
        properties.put("guestgate.mail.from", "invitations@guestgate.example.com");
        properties.put("guestgate.webex.api-base-url", webex.apiBaseUrl());
        properties.put("guestgate.webex.bot-token", webex.seed().bot().accessToken());
        properties.put("guestgate.webex.webhook-secret", "invite-test-webhook-secret");
        EmulatorSeed.Integration integration = webex.seed().integration();
        properties.put("guestgate.webex.integration.client-id", integration.clientId());
        properties.put("guestgate.webex.integration.client-secret", integration.clientSecret());
        properties.put(
                "guestgate.webex.integration.redirect-uri",
                integration.redirectUris().get(0));
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", Integer.toString(smtpPort));
        properties.put("spring.mail.properties.mail.smtp.connectiontimeout", "2000");
        properties.put("spring.mail.properties.mail.smtp.timeout", "5000");
        properties.put("spring.mail.properties.mail.smtp.writetimeout", "5000");
        properties.put("guestgate.outbox.poll-timeout", "300ms");
        properties.put("guestgate.outbox.initial-backoff", "200ms");
        properties.put("guestgate.outbox.max-backoff", "1s");
        properties.put("guestgate.outbox.retry-interval", "100ms");
        properties.put("guestgate.outbox.shutdown-timeout", "5s");
        return properties;
    }

    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(InviteTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run();
    }

    /** A meeting of the emulator's organizer in GuestGate's store, with Webex details guests must never see. */
    public static Meeting storeMeeting(
            ConfigurableApplicationContext context, WebexEmulator webex, String title, Instant start, Duration length) {
        EmulatorSeed.Person organizer = webex.seed().organizer();
        Meeting meeting = new Meeting(
                MeetingStore.newId(),
                new Meeting.Organizer(organizer.id(), organizer.email(), organizer.displayName()),
                title,
                start,
                start.plus(length),
                ZoneId.of("Europe/Vienna"),
                new Meeting.WebexMeeting(
                        "webex-" + UUID.randomUUID(),
                        Fixtures.MEETING_NUMBER,
                        Fixtures.WEBEX_LINK,
                        Fixtures.SIP_ADDRESS),
                0,
                MeetingStatus.SCHEDULED,
                Instant.now());
        return context.getBean(MeetingStore.class).save(meeting).block(Duration.ofSeconds(5));
    }

    /** The bot's 1:1 messages to a person, oldest first. */
    /** Links the person's Webex account the way the browser would: login link, consent at the emulator, callback. */
    public static void link(ConfigurableApplicationContext context, WebexEmulator webex, EmulatorSeed.Person person) {
        Duration wait = Duration.ofSeconds(30);
        URI loginLink = context.getBean(LoginLinks.class).create(person.id()).block(wait);
        String state =
                UriComponentsBuilder.fromUri(loginLink).build().getQueryParams().getFirst("state");
        URI authorize = context.getBean(AccountConnection.class)
                .authorizeRedirect(state)
                .block(wait);
        webex.signInAs(person);
        URI callback = WebClient.create()
                .get()
                .uri(authorize)
                .exchangeToMono(response -> response.releaseBody()
                        .thenReturn(response.headers().asHttpHeaders().getLocation()))
                .block(wait);
        String code =
                UriComponentsBuilder.fromUri(callback).build().getQueryParams().getFirst("code");
        assertThat(context.getBean(AccountConnection.class)
                        .complete(state, code)
                        .block(wait))
                .isInstanceOf(ConnectResult.Linked.class);
    }

    public static List<String> messagesTo(WebexEmulator webex, String personId) {
        return webex.messages().stream()
                .filter(message -> personId.equals(message.toPersonId()))
                .map(message -> message.markdown() != null ? message.markdown() : message.text())
                .toList();
    }

    /**
     * Deletes every key of a test run, by its unique prefix (never FLUSHDB: Redis is shared). Call it after the
     * contexts are closed, so no worker recreates what was just deleted.
     */
    public static void deleteKeys(String prefix) {
        try (LocalRedis local = new LocalRedis().open()) {
            StringRedisTemplate redis = local.blocking();
            Set<String> keys = redis.keys(prefix + "*");
            if (keys != null && !keys.isEmpty()) {
                redis.delete(keys);
            }
        }
    }
}
