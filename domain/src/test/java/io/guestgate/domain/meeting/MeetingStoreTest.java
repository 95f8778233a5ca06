package io.guestgate.domain.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.testing.DomainTestApplication;
import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.platform.redis.Ids;
import io.guestgate.platform.redis.RedisKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Meetings and the organizer's index of them, against a real Redis. */
@SpringBootTest(classes = DomainTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class MeetingStoreTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DomainTestProperties.register(registry);
    }

    @Autowired
    MeetingStore meetings;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    RedisKeys keys;

    @Test
    void theIndexLivesAsLongAsTheOrganizersLongestLivedMeeting() {
        String organizer = "organizer-" + Ids.random(8);
        Meeting far = meetings.save(meeting(organizer, "Far", Instant.now().plus(Duration.ofDays(200))))
                .block();
        meetings.save(meeting(organizer, "Near", Instant.now().plus(Duration.ofDays(1))))
                .block();

        Duration ttl =
                redis.getExpire(keys.tagged("o:" + organizer, "meetings")).block();
        assertThat(ttl).as("the index outlives the far meeting's record").isGreaterThan(Duration.ofDays(199));
        assertThat(meetings.upcomingFor(organizer)
                        .map(Meeting::title)
                        .collectList()
                        .block())
                .containsExactly("Near", "Far");
        assertThat(far).isNotNull();
    }

    @Test
    void aMeetingIsFoundByItsWebexSeriesOrInstanceId() {
        Meeting saved = meetings.save(meeting(
                        "organizer-" + Ids.random(8), "Review", Instant.now().plus(Duration.ofDays(1))))
                .block();

        assertThat(meetings.findByWebexId(saved.webex().id()).map(Meeting::id).block())
                .isEqualTo(saved.id());
        assertThat(meetings.findByWebexId(saved.webex().id() + "_I_204252993233618782")
                        .map(Meeting::id)
                        .block())
                .isEqualTo(saved.id());
        assertThat(meetings.findByWebexId("unknown" + Ids.random(8)).block()).isNull();
        assertThat(meetings.findByWebexId("not a webex id!").block()).isNull();
    }

    @Test
    void aMeetingKeepsItsNumberWhateverComesOrGoesAroundIt() {
        String organizer = "organizer-" + Ids.random(8);
        Meeting nextWeek = meetings.save(
                        meeting(organizer, "Next week", Instant.now().plus(Duration.ofDays(7))))
                .block();
        Meeting tomorrow = meetings.save(
                        meeting(organizer, "Tomorrow", Instant.now().plus(Duration.ofDays(1))))
                .block();
        int first = meetings.number(nextWeek).block();
        int second = meetings.number(tomorrow).block();

        meetings.save(tomorrow.cancelled()).block();
        Meeting sooner = meetings.save(
                        meeting(organizer, "Sooner", Instant.now().plus(Duration.ofHours(5))))
                .block();

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertThat(meetings.number(nextWeek).block())
                .as("after a cancel and an earlier meeting")
                .isEqualTo(1);
        assertThat(meetings.number(sooner).block())
                .as("a new meeting never takes a used number")
                .isEqualTo(3);
        assertThat(meetings.byNumber(organizer, 1).map(Meeting::title).block()).isEqualTo("Next week");
        assertThat(meetings.byNumber(organizer, 2).map(Meeting::status).block()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(meetings.byNumber("someone-else", 1).block())
                .as("numbers are per organizer")
                .isNull();
        assertThat(meetings.byNumber(organizer, 99).block()).isNull();
    }

    private static Meeting meeting(String organizer, String title, Instant start) {
        return new Meeting(
                MeetingStore.newId(),
                new Meeting.Organizer(organizer, "o@example.com", "Olga"),
                title,
                start,
                start.plus(Duration.ofMinutes(30)),
                ZoneId.of("Europe/Vienna"),
                new Meeting.WebexMeeting(
                        "w" + Ids.random(16), "2550123456", "https://site.webex.com/m/1", "2550123456@site.webex.com"),
                0,
                MeetingStatus.SCHEDULED,
                Instant.now());
    }
}
