package io.guestgate.domain.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStatus;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.domain.testing.DomainTestApplication;
import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.platform.redis.RedisKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

@SpringBootTest(classes = DomainTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class InvitationStoreTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DomainTestProperties.register(registry);
    }

    @Autowired
    InvitationStore invitations;

    @Autowired
    MeetingStore meetings;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    RedisKeys keys;

    @Autowired
    Clock clock;

    @Test
    void storesOnlyTheHashOfALinkToken() {
        Meeting meeting = saved(meeting());
        Invitation invitation = added(meeting, new Invitee("Anna Müller", "anna@example.com"));

        String token = invitations.issueLinkToken(invitation).block();

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(invitations.findByToken(token).block()).isEqualTo(invitation);
        List<String> allValues = redis.keys(keys.prefix() + "*")
                .flatMap(key -> redis.type(key)
                        .flatMapMany(type -> switch (type.code()) {
                            case "string" -> redis.opsForValue().get(key).flux();
                            case "hash" ->
                                redis.<String, String>opsForHash()
                                        .entries(key)
                                        .flatMapIterable(e -> List.of(e.getKey(), e.getValue()));
                            case "set" -> redis.opsForSet().members(key);
                            case "zset" ->
                                redis.opsForZSet().range(key, org.springframework.data.domain.Range.unbounded());
                            default -> Flux.<String>empty();
                        })
                        .concatWithValues(key))
                .collectList()
                .block();
        assertThat(allValues).noneMatch(value -> value.contains(token));
        assertThat(allValues).anyMatch(value -> value.contains(LinkTokens.hash(token)));
    }

    @Test
    void everyIssuedTokenOpensTheSameInvitationUntilItIsRevoked() {
        Meeting meeting = saved(meeting());
        Invitation invitation = added(meeting, new Invitee("Bob", "bob@example.org"));
        String first = invitations.issueLinkToken(invitation).block();
        String second = invitations.issueLinkToken(invitation).block();

        assertThat(first).isNotEqualTo(second);
        assertThat(invitations.findByToken(first).block().id()).isEqualTo(invitation.id());
        assertThat(invitations.findByToken(second).block().id()).isEqualTo(invitation.id());

        invitations.revoke(invitation.id()).block();

        assertThat(invitations.findByToken(first).block().isRevoked()).isTrue();
    }

    @Test
    void renewingTheLinksRetiresEveryEarlierTokenAndKeepsTheRest() {
        Meeting meeting = saved(meeting());
        Invitation invitation = added(meeting, new Invitee("Carla", "carla@example.org"));
        String old = invitations.issueLinkToken(invitation).block();
        VerifiedIdentity carla = new VerifiedIdentity(
                "https://idp.example", "sub-carla", "Carla", "carla@example.org", true, null, "ich.app");
        invitations.bind(invitation.id(), carla).block();

        Invitation renewed = invitations.renewLinks(invitation.id()).block();
        String fresh = invitations.issueLinkToken(renewed).block();

        assertThat(invitations.findByToken(old).blockOptional()).isEmpty();
        Invitation found = invitations.findByToken(fresh).block();
        assertThat(found.id()).isEqualTo(invitation.id());
        assertThat(found.identity()).isEqualTo(carla);
        assertThat(found.isRevoked()).isFalse();
    }

    @Test
    void aWithdrawnInvitationGetsNoNewLinks() {
        Meeting meeting = saved(meeting());
        Invitation invitation = added(meeting, new Invitee("Dora", "dora@example.org"));
        invitations.revoke(invitation.id()).block();

        assertThat(invitations.renewLinks(invitation.id()).blockOptional()).isEmpty();
    }

    @Test
    void unknownAndMalformedTokensFindNothing() {
        assertThat(invitations.findByToken(LinkTokens.generate()).blockOptional())
                .isEmpty();
        assertThat(invitations.findByToken("../../etc/passwd").blockOptional()).isEmpty();
        assertThat(invitations.findByToken(null).blockOptional()).isEmpty();
    }

    @Test
    void addingTheSameAddressTwiceKeepsOneInvitation() {
        Meeting meeting = saved(meeting());
        Invitation first = added(meeting, new Invitee("Anna", "Anna@Example.com"));

        AddResult again = invitations
                .add(meeting, new Invitee("Anna M.", "anna@example.COM"))
                .block();

        assertThat(again).isInstanceOf(AddResult.AlreadyInvited.class);
        assertThat(again.invitation().id()).isEqualTo(first.id());
        assertThat(invitations.findByMeeting(meeting.id()).collectList().block())
                .hasSize(1);
    }

    @Test
    void aRemovedGuestCanBeInvitedAgain() {
        Meeting meeting = saved(meeting());
        Invitation first = added(meeting, new Invitee("Anna", "anna@example.com"));
        invitations.revoke(first.id()).block();

        AddResult again = invitations
                .add(meeting, new Invitee("Anna", "anna@example.com"))
                .block();

        assertThat(again).isInstanceOf(AddResult.Added.class);
        assertThat(again.invitation().id()).isNotEqualTo(first.id());
    }

    @Test
    void bindsInvitationToFirstVerifiedIdentity() {
        Meeting meeting = saved(meeting());
        Invitation invitation = added(meeting, new Invitee("Anna", "anna@example.com"));
        VerifiedIdentity anna = identity("anna-sub", "Anna Müller");

        BindResult first = invitations.bind(invitation.id(), anna).block();
        BindResult again = invitations
                .bind(invitation.id(), identity("anna-sub", "Anna M"))
                .block();
        BindResult other = invitations
                .bind(invitation.id(), identity("mallory-sub", "Mallory"))
                .block();

        assertThat(first).isInstanceOfSatisfying(BindResult.Bound.class, bound -> {
            assertThat(bound.firstTime()).isTrue();
            assertThat(bound.invitation().status()).isEqualTo(InvitationStatus.VERIFIED);
        });
        assertThat(again)
                .isInstanceOfSatisfying(
                        BindResult.Bound.class,
                        bound -> assertThat(bound.firstTime()).isFalse());
        assertThat(other).isInstanceOf(BindResult.HeldByAnother.class);
        assertThat(invitations.findById(invitation.id()).block().identity().subject())
                .isEqualTo("anna-sub");
    }

    @Test
    void concurrentBindsLetExactlyOneIdentityWin() {
        Meeting meeting = saved(meeting());
        Invitation invitation = added(meeting, new Invitee("Anna", "anna@example.com"));

        List<BindResult> results = Flux.range(0, 8)
                .flatMap(i -> invitations
                        .bind(invitation.id(), identity("sub-" + i, "Person " + i))
                        .subscribeOn(Schedulers.parallel()))
                .collectList()
                .block();

        assertThat(results).filteredOn(r -> r instanceof BindResult.Bound).hasSize(1);
        assertThat(results)
                .filteredOn(r -> r instanceof BindResult.HeldByAnother)
                .hasSize(7);
    }

    @Test
    void concurrentUpdatesAreNeverLost() {
        Meeting meeting = saved(meeting());
        Invitation invitation = added(meeting, new Invitee("Anna", "anna@example.com"));
        Set<String> details = ConcurrentHashMap.newKeySet();

        Flux.range(0, 10)
                .flatMap(i -> invitations
                        .update(invitation.id(), current -> {
                            details.add("try-" + i);
                            String previous = current.deliveryDetail() == null ? "" : current.deliveryDetail();
                            return current.withDelivery(DeliveryStatus.DELIVERED, previous + i + ",");
                        })
                        .subscribeOn(Schedulers.parallel()))
                .blockLast();

        Invitation result = invitations.findById(invitation.id()).block();
        assertThat(result.version()).isEqualTo(10);
        assertThat(result.deliveryDetail().split(",")).hasSize(10);
    }

    @Test
    void revokedOrExpiredInvitationsBindNobody() {
        Meeting meeting = saved(meeting());
        Invitation invitation = added(meeting, new Invitee("Anna", "anna@example.com"));
        invitations.revoke(invitation.id()).block();

        assertThat(invitations.bind(invitation.id(), identity("a", "Anna")).block())
                .isInstanceOf(BindResult.NoLongerValid.class);
    }

    @Test
    void followsAMovedMeeting() {
        Meeting meeting = saved(meeting());
        Invitation invitation = added(meeting, new Invitee("Anna", "anna@example.com"));
        Meeting moved = meetings.save(meeting.rescheduled(
                        meeting.title(),
                        meeting.start().plus(Duration.ofDays(2)),
                        meeting.end().plus(Duration.ofDays(2))))
                .block();

        invitations.followMeeting(moved).blockLast();

        assertThat(invitations.findById(invitation.id()).block().expiresAt()).isEqualTo(invitations.linkExpiry(moved));
    }

    @Test
    void listsTheOrganizersUpcomingMeetingsInOrder() {
        Meeting later = saved(meeting("later", Duration.ofDays(3)));
        Meeting sooner = saved(new Meeting(
                MeetingStore.newId(),
                later.organizer(),
                "sooner",
                clock.instant().plus(Duration.ofDays(1)),
                clock.instant().plus(Duration.ofDays(1)).plusSeconds(3600),
                later.timezone(),
                later.webex(),
                0,
                MeetingStatus.SCHEDULED,
                clock.instant()));
        meetings.save(sooner.cancelled()).block();
        Meeting soonest = saved(new Meeting(
                MeetingStore.newId(),
                later.organizer(),
                "soonest",
                clock.instant().plusSeconds(3600),
                clock.instant().plusSeconds(7200),
                later.timezone(),
                later.webex(),
                0,
                MeetingStatus.SCHEDULED,
                clock.instant()));

        assertThat(meetings.upcomingFor(later.organizer().personId())
                        .map(Meeting::title)
                        .collectList()
                        .block())
                .containsExactly("soonest", "later");
        assertThat(meetings.findById(soonest.id()).block()).isEqualTo(soonest);
    }

    private Meeting meeting() {
        return meeting("Q3 review", Duration.ofDays(1));
    }

    private Meeting meeting(String title, Duration fromNow) {
        Instant start = clock.instant().plus(fromNow);
        return new Meeting(
                MeetingStore.newId(),
                new Meeting.Organizer(
                        "person-" + title.hashCode() + "-" + System.nanoTime(), "org@example.com", "Olga Organizer"),
                title,
                start,
                start.plus(Duration.ofHours(1)),
                ZoneId.of("Europe/Vienna"),
                new Meeting.WebexMeeting(
                        "webex-id", "123456789", "https://example.webex.com/meet/x", "123456789@example.webex.com"),
                0,
                MeetingStatus.SCHEDULED,
                clock.instant());
    }

    private Meeting saved(Meeting meeting) {
        return meetings.save(meeting).block();
    }

    private Invitation added(Meeting meeting, Invitee invitee) {
        AddResult result = invitations.add(meeting, invitee).block();
        assertThat(result).isInstanceOf(AddResult.Added.class);
        return result.invitation();
    }

    private static VerifiedIdentity identity(String subject, String name) {
        return new VerifiedIdentity("https://idp.example", subject, name, "anna@example.com", true, null, "ich.app");
    }
}
