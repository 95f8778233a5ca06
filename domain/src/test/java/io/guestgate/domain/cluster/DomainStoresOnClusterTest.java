package io.guestgate.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.approval.ApprovalRequest;
import io.guestgate.domain.approval.ApprovalStore;
import io.guestgate.domain.approval.Decision;
import io.guestgate.domain.audit.AuditEvent;
import io.guestgate.domain.audit.AuditLog;
import io.guestgate.domain.invitation.AddResult;
import io.guestgate.domain.invitation.BindResult;
import io.guestgate.domain.invitation.DeliveryStatus;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStatus;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.invitation.VerifiedIdentity;
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
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The guest list's stores on a three-master Redis Cluster: every Lua script and multi-key step must find its keys in
 * one slot (the cluster refuses anything else with CROSSSLOT), and concurrent writers must still be serialised.
 */
@SpringBootTest(classes = DomainTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DomainStoresOnClusterTest {

    static String prefix;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DomainTestProperties.register(registry);
        RedisCluster.shared().register(registry);
    }

    @Autowired
    InvitationStore invitations;

    @Autowired
    MeetingStore meetings;

    @Autowired
    ApprovalStore approvals;

    @Autowired
    AuditLog audit;

    @Autowired
    RedisKeys keys;

    @Autowired
    Clock clock;

    @AfterAll
    static void cleanUp() {
        if (prefix != null) {
            RedisCluster.shared().deleteKeys(prefix + "*");
        }
    }

    @Test
    void invitationsWorkEndToEndAndAMeetingsKeysShareOneSlot() {
        prefix = keys.prefix();
        Meeting meeting = meetings.save(meeting("Q3 review", Duration.ofDays(1), "organizer-a"))
                .block();
        Invitation anna = added(meeting, new Invitee("Anna Müller", "anna@example.com"));
        Invitation bob = added(meeting, new Invitee("Bob", "bob@example.org"));

        assertThat(invitations
                        .add(meeting, new Invitee("Anna M.", "ANNA@example.com"))
                        .block())
                .isInstanceOf(AddResult.AlreadyInvited.class);
        String token = invitations.issueLinkToken(anna).block();
        assertThat(invitations.findByToken(token).block().id()).isEqualTo(anna.id());

        List<BindResult> binds = Flux.range(0, 8)
                .flatMap(i -> invitations.bind(anna.id(), identity("sub-" + i)).subscribeOn(Schedulers.parallel()))
                .collectList()
                .block();
        assertThat(binds).filteredOn(BindResult.Bound.class::isInstance).hasSize(1);
        assertThat(binds).filteredOn(BindResult.HeldByAnother.class::isInstance).hasSize(7);

        Flux.range(0, 10)
                .flatMap(i -> invitations
                        .update(
                                bob.id(),
                                current -> current.withDelivery(
                                        DeliveryStatus.DELIVERED,
                                        (current.deliveryDetail() == null ? "" : current.deliveryDetail()) + i + ","))
                        .subscribeOn(Schedulers.parallel()))
                .blockLast();
        Invitation updated = invitations.findById(bob.id()).block();
        assertThat(updated.version()).isEqualTo(10);
        assertThat(updated.deliveryDetail().split(",")).hasSize(10);

        assertThat(invitations.revoke(bob.id()).block().status()).isEqualTo(InvitationStatus.REVOKED);
        assertThat(invitations
                        .add(meeting, new Invitee("Bob", "bob@example.org"))
                        .block())
                .isInstanceOf(AddResult.Added.class);
        Meeting moved = meetings.save(meeting.rescheduled(
                        meeting.title(),
                        meeting.start().plus(Duration.ofDays(2)),
                        meeting.end().plus(Duration.ofDays(2))))
                .block();
        invitations.followMeeting(moved).blockLast();
        assertThat(invitations.findById(anna.id()).block().expiresAt()).isEqualTo(invitations.linkExpiry(moved));
        assertThat(invitations.findByToken(token).block().id()).isEqualTo(anna.id());

        List<String> meetingKeys = RedisCluster.shared().keys(prefix + "{m:" + meeting.id() + "}*");
        assertThat(meetingKeys).hasSizeGreaterThanOrEqualTo(4);
        Set<Integer> slots =
                meetingKeys.stream().map(RedisCluster.shared()::slot).collect(Collectors.toSet());
        assertThat(slots).hasSize(1);
    }

    @Test
    void manyMeetingsSpreadOverEveryMasterAndNothingLandsOnTheSharedRedis() {
        prefix = keys.prefix();
        String organizer = "organizer-spread";
        for (int i = 0; i < 24; i++) {
            Meeting meeting = meetings.save(meeting("Meeting " + i, Duration.ofHours(2 + i), organizer))
                    .block();
            added(meeting, new Invitee("Guest " + i, "guest" + i + "@example.com"));
        }

        assertThat(meetings.upcomingFor(organizer)
                        .map(Meeting::title)
                        .collectList()
                        .block())
                .hasSize(24)
                .startsWith("Meeting 0", "Meeting 1")
                .endsWith("Meeting 23");
        Map<String, List<String>> byNode = RedisCluster.shared().keysByNode(prefix + "*");
        assertThat(byNode)
                .hasSize(RedisCluster.MASTERS)
                .allSatisfy((node, nodeKeys) ->
                        assertThat(nodeKeys).as("keys on %s", node).isNotEmpty());
        assertThat(Resp.answers(RedisServerProcess.HOST, 6379)).isTrue();
        assertThat(sharedRedisKeys(prefix + "*")).isEmpty();
    }

    @Test
    void concurrentApprovalAnswersLetExactlyOneWin() {
        prefix = keys.prefix();
        Meeting meeting = meetings.save(meeting("Board", Duration.ofDays(1), "organizer-b"))
                .block();
        Invitation invitation = added(meeting, new Invitee("Carla", "carla@example.com"));
        ApprovalRequest request = approvals
                .open(invitation, meeting, identity("carla"), Duration.ofMinutes(2))
                .block();

        List<Decision> decisions = Flux.range(0, 6)
                .flatMap(i -> approvals
                        .decide(request.id(), "organizer-b", i % 2 == 0)
                        .subscribeOn(Schedulers.parallel()))
                .collectList()
                .block();

        assertThat(decisions).filteredOn(Decision.Recorded.class::isInstance).hasSize(1);
        assertThat(decisions)
                .filteredOn(Decision.AlreadyDecided.class::isInstance)
                .hasSize(5);
        assertThat(approvals.find(request.id()).block().isPending()).isFalse();
    }

    @Test
    void theAuditTrailIsWrittenAndReadBack() {
        prefix = keys.prefix();
        for (int i = 0; i < 5; i++) {
            audit.record(new AuditEvent(
                            clock.instant(),
                            "admission",
                            "admitted",
                            "m" + i,
                            "m" + i + "-x",
                            "sub-" + i,
                            Map.of("name", "Guest " + i)))
                    .block();
        }

        assertThat(audit.latest(3).map(AuditEvent::meetingId).collectList().block())
                .containsExactly("m4", "m3", "m2");
    }

    private Invitation added(Meeting meeting, Invitee invitee) {
        AddResult result = invitations.add(meeting, invitee).block();
        assertThat(result).isInstanceOf(AddResult.Added.class);
        return result.invitation();
    }

    private Meeting meeting(String title, Duration fromNow, String organizer) {
        Instant start = clock.instant().plus(fromNow);
        return new Meeting(
                MeetingStore.newId(),
                new Meeting.Organizer(organizer, "olga@example.com", "Olga Organizer"),
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

    private static VerifiedIdentity identity(String subject) {
        return new VerifiedIdentity(
                "https://idp.example", subject, "Person " + subject, "anna@example.com", true, null, "ich.app");
    }

    private static List<?> sharedRedisKeys(String pattern) {
        try {
            return (List<?>) Resp.command(RedisServerProcess.HOST, 6379, "KEYS", pattern);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
