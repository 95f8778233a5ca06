package io.guestgate.domain.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.testing.DomainTestApplication;
import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.platform.redis.Ids;
import io.guestgate.platform.redis.RedisKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** The door's memory against a real Redis: one decision per participant, one seat per identity, one poller each. */
@SpringBootTest(classes = DomainTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LobbyStoreTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DomainTestProperties.register(registry);
    }

    @Autowired
    LobbyStore lobby;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    RedisKeys keys;

    private final String meeting = Ids.random(12);
    private final Instant keep = Instant.now().plus(Duration.ofHours(2));

    @Test
    void theFirstOfManyConcurrentDecisionsAboutOneParticipantWinsAndTheRestSeeIt() {
        List<Boolean> outcomes = Flux.range(0, 16)
                .parallel(8)
                .runOn(Schedulers.parallel())
                .flatMap(i -> lobby.decide(
                        meeting,
                        "p-1",
                        new DoorDecision(
                                i % 2 == 0 ? DoorDecision.Kind.ADMITTED : DoorDecision.Kind.KEPT_OUT,
                                null,
                                "Anna",
                                Instant.now()),
                        keep))
                .sequential()
                .collectList()
                .block();

        assertThat(outcomes).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(lobby.decision(meeting, "p-1").block()).isNotNull();
        Long ttl = redis.getExpire(keys.tagged("m:" + meeting, "lobby"))
                .map(Duration::getSeconds)
                .block();
        assertThat(ttl).as("the hash lives as long as the meeting's links").isBetween(7000L, 7200L);
    }

    @Test
    void aDecisionIsReplacedOnlyFromTheStateTheCallerSaw() {
        DoorDecision keptOut = new DoorDecision(DoorDecision.Kind.KEPT_OUT, null, "Mallory", Instant.now());
        lobby.decide(meeting, "p-2", keptOut, keep).block();
        DoorDecision anyway = keptOut.as(DoorDecision.Kind.ADMITTED_ANYWAY, Instant.now());

        assertThat(lobby.redecide(meeting, "p-2", keptOut, anyway).block()).isTrue();
        assertThat(lobby.redecide(meeting, "p-2", keptOut, anyway).block())
                .as("the second click")
                .isFalse();
        assertThat(Objects.requireNonNull(lobby.decision(meeting, "p-2").block())
                        .kind())
                .isEqualTo(DoorDecision.Kind.ADMITTED_ANYWAY);
    }

    @Test
    void anIdentityHasOneSeatWhileItsHolderIsThere() {
        assertThat(lobby.takeSeat(meeting, "inv-1", "p-1", List.of("p-1")).block())
                .isTrue();
        assertThat(lobby.takeSeat(meeting, "inv-1", "p-1", List.of("p-1")).block())
                .as("the holder again")
                .isTrue();
        assertThat(lobby.takeSeat(meeting, "inv-1", "p-2", List.of("p-1", "p-2"))
                        .block())
                .as("a second device while the first is in")
                .isFalse();
        assertThat(lobby.takeSeat(meeting, "inv-1", "p-2", List.of("p-2")).block())
                .as("once the first device left")
                .isTrue();
    }

    @Test
    void meetingsAreWatchedUntilTheirDeadlineAndALeaseHasOneHolder() {
        Instant now = Instant.now();
        String other = Ids.random(12);
        lobby.watch(meeting, now.plusSeconds(60)).block();
        lobby.watch(meeting, now.plusSeconds(30)).block();
        lobby.watch(other, now.plusMillis(1)).block();

        assertThat(lobby.watched(now.plusSeconds(45)).collectList().block())
                .contains(meeting)
                .doesNotContain(other);

        assertThat(lobby.lease(meeting, "instance-a", Duration.ofSeconds(5)).block())
                .isTrue();
        assertThat(lobby.lease(meeting, "instance-b", Duration.ofSeconds(5)).block())
                .isFalse();
        assertThat(lobby.lease(meeting, "instance-a", Duration.ofSeconds(5)).block())
                .as("renewed")
                .isTrue();

        lobby.unwatch(meeting).block();
        assertThat(lobby.watched(now).collectList().block()).doesNotContain(meeting);
    }

    @Test
    void onlyJoinLinksStillWorkingAreClaimable() {
        Instant now = Instant.now();
        lobby.joinLinkOpened(
                        meeting,
                        new JoinLinkOpened("inv-1", "Anna", "anna@example.com", "ich.app", now.plusSeconds(60)),
                        keep)
                .block();
        lobby.joinLinkOpened(
                        meeting,
                        new JoinLinkOpened("inv-2", "Bob", "bob@example.com", "ich.app", now.minusSeconds(1)),
                        keep)
                .block();

        assertThat(lobby.openJoinLinks(meeting, now)
                        .map(JoinLinkOpened::invitationId)
                        .collectList()
                        .block())
                .containsExactly("inv-1");
    }
}
