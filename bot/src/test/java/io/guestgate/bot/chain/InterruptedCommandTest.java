package io.guestgate.bot.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.bot.BotTestApplication;
import io.guestgate.bot.BotTestWorld;
import io.guestgate.emulator.WebexEmulatorExtension;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.messages.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An event taken over from an instance that died while processing it. No webhooks are registered: the test writes
 * the state such an instance leaves in Redis (the event's record and its stream entry) and the running bot takes the
 * entry up, as it would from a dead instance.
 */
@SpringBootTest(
        classes = BotTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "guestgate.bot.allowed-email-domains=example.com")
class InterruptedCommandTest {

    @RegisterExtension
    static final WebexEmulatorExtension WEBEX = BotTestWorld.emulator();

    static final EmulatorSeed.Person OLIVIA = BotTestWorld.SEED.organizer();
    static final Duration ANSWER = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        BotTestWorld.register(registry, WEBEX.get());
    }

    @Autowired
    IntakeQueue intake;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void aCommandThatReachedItsHandlerBeforeIsNotRunAgainAndTheOrganizerIsTold() {
        String title = "Twice " + UUID.randomUUID().toString().substring(0, 8);
        Message command = say("erstellen " + title + " | morgen 10:00 | 45m");

        leftBehindByADeadInstance(command, "dispatched");

        Message reply =
                BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(command)).get(0);
        assertThat(reply.markdown()).contains("unterbrochen", "**erstellen**", "**liste**");
        // Settled: the bot is done with the event, and what it did about it is all there is.
        await().atMost(ANSWER)
                .until(() -> redis.opsForStream().size(intake.group().stream()).block() == 0);
        assertThat(repliesAfter(command)).hasSize(1);
        assertThat(WEBEX.get().requests("POST", "/v1/meetings")).isEmpty();
        assertThat(WEBEX.get().meetings()).noneMatch(meeting -> meeting.title().equals(title));
    }

    @Test
    void aCommandThatNeverReachedItsHandlerRunsNormally() {
        Message command = say("help");

        leftBehindByADeadInstance(command, "1");

        Message reply =
                BotTestWorld.awaitNonEmpty(ANSWER, () -> repliesAfter(command)).get(0);
        assertThat(reply.markdown()).doesNotContain("interrupted").contains("create");
        assertThat(redis.opsForValue().get(intake.seenKey(command.id())).block())
                .isEqualTo("dispatched");
    }

    /** The event's record (with its TTL) and its entry in the stream, as the intake wrote them. */
    private void leftBehindByADeadInstance(Message message, String record) {
        redis.opsForValue()
                .set(intake.seenKey(message.id()), record, Duration.ofHours(1))
                .block();
        redis.opsForStream()
                .add(
                        intake.group().stream(),
                        Map.of(
                                "kind",
                                WebhookEvent.Kind.MESSAGE.name(),
                                "id",
                                message.id(),
                                "room",
                                message.roomId(),
                                "person",
                                message.personId(),
                                "email",
                                OLIVIA.email()))
                .block();
    }

    private static Message say(String text) {
        return BotTestWorld.say(WEBEX.get(), OLIVIA, text);
    }

    private static List<Message> repliesAfter(Message message) {
        return BotTestWorld.repliesAfter(WEBEX.get(), message);
    }
}
