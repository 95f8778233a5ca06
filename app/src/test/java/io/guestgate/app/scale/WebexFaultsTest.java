package io.guestgate.app.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.emulator.faults.Fault;
import io.guestgate.emulator.journal.JournalEntry;
import io.guestgate.emulator.messages.Message;
import io.guestgate.platform.redis.Ids;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Webex misbehaving while organizers give commands, driven through the emulator's fault injection: 429 storms with
 * {@code Retry-After}, 5xx, and answers slower than the client waits (2 s in these tests). Every command either
 * succeeds after retrying or the organizer is told in plain words; never silence, never a command done twice.
 */
class WebexFaultsTest {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static ScaleWorld world;

    @BeforeAll
    static void world() {
        world = ScaleTests.world();
    }

    @BeforeEach
    void linked() {
        world.webex().clearFaults();
        world.deliverWebhooksThroughBalancer();
        world.ensureOrganizerLinked();
    }

    @AfterEach
    void calm() {
        world.webex().clearFaults();
    }

    @Test
    void aRateLimitStormIsWaitedOutAndEveryCommandSucceedsOnce() {
        String run = Ids.random(6);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            titles.add("Storm " + run + " no " + i);
        }
        world.webex().clearRequests();
        // Three in a row at most, so that every call's fourth and last attempt (guestgate.webex.http.max-attempts)
        // gets through even if it meets the whole storm alone.
        world.webex().injectFault(Fault.status("POST /v1/meetings", 429, 3).withRetryAfter(1));
        world.webex().injectFault(Fault.status("GET /v1/messages/{id}", 429, 3).withRetryAfter(1));
        world.webex().injectFault(Fault.status("POST /v1/messages", 429, 3).withRetryAfter(1));

        Flux.fromIterable(titles)
                .flatMap(
                        title -> Mono.fromCallable(() -> world.say("create " + title + " | " + inTwoDays() + " | 30m"))
                                .subscribeOn(Schedulers.boundedElastic()),
                        5)
                .blockLast();

        await("every command answered")
                .atMost(Duration.ofSeconds(60))
                .until(() -> titles.stream().allMatch(title -> repliesAbout(title) >= 1));
        world.awaitEventsProcessed(Duration.ofSeconds(30));
        assertThat(titles).allSatisfy(title -> {
            assertThat(meetingsTitled(title)).as("meetings titled %s", title).isEqualTo(1);
            assertThat(repliesAbout(title)).as("answers about %s", title).isEqualTo(1);
        });
        List<JournalEntry> creates = world.webex().requests("POST", "/v1/meetings");
        assertThat(creates).filteredOn(e -> e.status() == 429).hasSize(3);
        JournalEntry firstRefusal =
                creates.stream().filter(e -> e.status() == 429).findFirst().orElseThrow();
        JournalEntry lastSuccess = creates.stream()
                .filter(e -> e.status() == 200)
                .reduce((a, b) -> b)
                .orElseThrow();
        // Retry-After (1 s) was honoured: the refused calls came back no sooner.
        assertThat(Duration.between(firstRefusal.time(), lastSuccess.time()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void serverErrorsAreRetriedWhereThatIsSafeAndOtherwiseTheOrganizerIsTold() {
        String retried = "Retried " + Ids.random(6);
        world.webex().injectFault(Fault.status("GET /v1/messages/{id}", 503, 2));
        int before = world.botMessages().size();
        world.say("create " + retried + " | " + inTwoDays() + " | 30m");
        await("the answer after two 503s").atMost(Duration.ofSeconds(30)).until(() -> repliesAbout(retried) == 1);

        String refused = "Refused " + Ids.random(6);
        // A create that failed at Webex is not repeated: Webex may have acted on it.
        world.webex().injectFault(Fault.status("POST /v1/meetings", 500, 1));
        int beforeRefusal = world.botMessages().size();
        world.say("create " + refused + " | " + inTwoDays() + " | 30m");
        Message answer = firstNewMessage(beforeRefusal, Duration.ofSeconds(30));

        assertThat(ScaleWorld.content(answer)).contains("Webex refused").contains("Nothing was changed");
        assertThat(meetingsTitled(refused)).isZero();
        assertThat(storedMeetingsTitled(refused)).isZero();
        assertThat(meetingsTitled(retried)).isEqualTo(1);
        assertThat(world.botMessages().size()).isEqualTo(before + 2);
    }

    @Test
    void aWebexThatAnswersTooSlowlyIsGivenUpOnAndTheOrganizerIsTold() {
        String read = "Slow read " + Ids.random(6);
        world.webex().injectFault(Fault.delay("GET /v1/messages/{id}", 3000, 1));
        world.say("create " + read + " | " + inTwoDays() + " | 30m");
        await("the answer after a read that timed out once")
                .atMost(Duration.ofSeconds(30))
                .until(() -> repliesAbout(read) == 1);

        String slow = "Slow create " + Ids.random(6);
        world.webex().injectFault(Fault.delay("POST /v1/meetings", 3000, 1));
        int before = world.botMessages().size();
        world.say("create " + slow + " | " + inTwoDays() + " | 30m");
        Message answer = firstNewMessage(before, Duration.ofSeconds(30));
        // The request went out and no answer came: the bot says it does not know yet, looks, and says what it found.
        await("the outcome after the lost answer")
                .atMost(Duration.ofSeconds(30))
                .until(() -> world.botMessages().size() >= before + 2);
        Message outcome = world.botMessages().get(before + 1);

        assertThat(ScaleWorld.content(answer)).contains("don’t know yet whether the meeting was created");
        assertThat(ScaleWorld.content(outcome))
                .contains("was not created at Webex")
                .contains("nothing was changed");
        // What the organizer was told holds: GuestGate gave up on the slow create with its connection, so the
        // emulator abandoned it, and there is no such meeting at Webex.
        assertThat(meetingsTitled(slow))
                .as("Webex must not have made the meeting the organizer was told about")
                .isZero();
        assertThat(storedMeetingsTitled(slow)).isZero();
        assertThat(meetingsTitled(read)).isEqualTo(1);
    }

    @Test
    void whenWebexWillNotHandOverTheMessageTheOrganizerIsStillAnswered() {
        // Every attempt to read the message fails (guestgate.webex.http.max-attempts is 4).
        world.webex().injectFault(Fault.status("GET /v1/messages/{id}", 503, 4));
        int before = world.botMessages().size();
        Message command = world.say("create Unread " + Ids.random(6) + " | " + inTwoDays() + " | 30m");

        await("the four failed reads")
                .atMost(Duration.ofSeconds(30))
                .until(() -> world.webex()
                                .requests("GET", "/v1/messages/" + command.id())
                                .size()
                        >= 4);

        // An answer in the organizer's space: the bot could not read the message, so please write again.
        await("an answer although the message could not be read")
                .atMost(Duration.ofSeconds(30))
                .until(() -> world.botMessages().size() > before);
    }

    private static Message firstNewMessage(int before, Duration timeout) {
        await("an answer").atMost(timeout).until(() -> world.botMessages().size() > before);
        return world.botMessages().get(before);
    }

    private static String inTwoDays() {
        return ZonedDateTime.now(ZoneId.of("Europe/Vienna")).plusDays(2).format(WHEN);
    }

    private static long meetingsTitled(String title) {
        return world.webex().meetings().stream()
                .filter(m -> m.title().equals(title))
                .count();
    }

    private static long storedMeetingsTitled(String title) {
        return world.instance(0)
                .getBean(MeetingStore.class)
                .upcomingFor(world.organizer().id())
                .filter(m -> m.title().equals(title))
                .count()
                .block();
    }

    private static long repliesAbout(String title) {
        return world.botMessages().stream()
                .filter(m -> ScaleWorld.content(m).contains("**" + title + "**"))
                .count();
    }
}
