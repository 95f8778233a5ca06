package io.guestgate.domain.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.invitation.AddResult;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.invitation.VerifiedIdentity;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStatus;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.domain.testing.DomainTestApplication;
import io.guestgate.domain.testing.DomainTestProperties;
import io.guestgate.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

@SpringBootTest(classes = DomainTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ApprovalStoreTest {

    private static final VerifiedIdentity ANNA = new VerifiedIdentity(
            "https://idp.example", "sub-anna", "Anna Müller", "anna@example.com", true, "high", "ich.app");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DomainTestProperties.register(registry);
    }

    @Autowired
    ApprovalStore approvals;

    @Autowired
    MeetingStore meetings;

    @Autowired
    InvitationStore invitations;

    @Autowired
    MutableClock clock;

    @Test
    void organizerAdmitsAPendingRequestOnce() {
        ApprovalRequest request = open(Duration.ofMinutes(5));

        Decision first = approvals.decide(request.id(), "organizer-1", true).block();
        Decision second = approvals.decide(request.id(), "organizer-1", false).block();

        assertThat(first).isInstanceOfSatisfying(Decision.Recorded.class, recorded -> {
            assertThat(recorded.request().status()).isEqualTo(ApprovalStatus.ADMITTED);
            assertThat(recorded.request().decidedBy()).isEqualTo("organizer-1");
        });
        assertThat(second)
                .isInstanceOfSatisfying(
                        Decision.AlreadyDecided.class,
                        already -> assertThat(already.request().status()).isEqualTo(ApprovalStatus.ADMITTED));
        assertThat(approvals.find(request.id()).block().status()).isEqualTo(ApprovalStatus.ADMITTED);
    }

    @Test
    void someoneElsesAnswerChangesNothing() {
        ApprovalRequest request = open(Duration.ofMinutes(5));

        Decision decision = approvals.decide(request.id(), "intruder", true).block();

        assertThat(decision).isInstanceOf(Decision.NotOrganizer.class);
        assertThat(approvals.find(request.id()).block().status()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void anAnswerAfterTheDeadlineIsTooLate() {
        ApprovalRequest request = open(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        Decision decision = approvals.decide(request.id(), "organizer-1", true).block();

        assertThat(decision).isInstanceOf(Decision.TimedOut.class);
        ApprovalRequest stored = approvals.find(request.id()).block();
        assertThat(stored.isTimedOut(clock.instant())).isTrue();
    }

    @Test
    void concurrentAnswersLetExactlyOneWin() {
        ApprovalRequest request = open(Duration.ofMinutes(5));

        List<Decision> decisions = Flux.range(0, 8)
                .flatMap(i -> approvals
                        .decide(request.id(), "organizer-1", i % 2 == 0)
                        .subscribeOn(Schedulers.parallel()))
                .collectList()
                .block();

        assertThat(decisions).filteredOn(Decision.Recorded.class::isInstance).hasSize(1);
        assertThat(decisions)
                .filteredOn(Decision.AlreadyDecided.class::isInstance)
                .hasSize(7);
    }

    @Test
    void unknownAndMalformedIdsAreUnknown() {
        assertThat(approvals.decide("abcdefghijkmnpqr", "organizer-1", true).block())
                .isInstanceOf(Decision.Unknown.class);
        assertThat(approvals.decide("../../etc", "organizer-1", true).block()).isInstanceOf(Decision.Unknown.class);
        assertThat(approvals.find(null).block()).isNull();
    }

    @Test
    void anInvitationHasAtMostOnePendingRequest() {
        Invitation invitation = invitation();
        Meeting meeting = meetings.findById(invitation.meetingId()).block();
        ApprovalRequest first =
                approvals.open(invitation, meeting, ANNA, Duration.ofMinutes(5)).block();

        List<ApprovalRequest> again = Flux.range(0, 8)
                .flatMap(i -> approvals
                        .open(invitation, meeting, ANNA, Duration.ofMinutes(5))
                        .subscribeOn(Schedulers.parallel()))
                .collectList()
                .block();

        assertThat(again).extracting(ApprovalRequest::id).containsOnly(first.id());
    }

    @Test
    void concurrentFirstRequestsForOneInvitationAgreeOnOne() {
        Invitation invitation = invitation();
        Meeting meeting = meetings.findById(invitation.meetingId()).block();

        List<Opening> openings = Flux.range(0, 8)
                .flatMap(i -> approvals
                        .openOnce(invitation, meeting, ANNA, Duration.ofMinutes(5))
                        .subscribeOn(Schedulers.parallel()))
                .collectList()
                .block();

        assertThat(openings)
                .extracting(opening -> opening.request().id())
                .hasSize(8)
                .containsOnly(openings.get(0).request().id());
        assertThat(openings).filteredOn(Opening.Opened.class::isInstance).hasSize(1);
    }

    @Test
    void anAnsweredOrWithdrawnRequestMakesRoomForANewOne() {
        Invitation invitation = invitation();
        Meeting meeting = meetings.findById(invitation.meetingId()).block();
        ApprovalRequest denied =
                approvals.open(invitation, meeting, ANNA, Duration.ofMinutes(5)).block();
        approvals.decide(denied.id(), "organizer-1", false).block();

        Opening afterDenial = approvals
                .openOnce(invitation, meeting, ANNA, Duration.ofMinutes(5))
                .block();
        assertThat(afterDenial).isInstanceOf(Opening.Opened.class);
        assertThat(afterDenial.request().id()).isNotEqualTo(denied.id());

        approvals.withdraw(afterDenial.request()).block();
        assertThat(approvals.find(afterDenial.request().id()).block())
                .as("a withdrawn request is gone")
                .isNull();
        Opening afterWithdrawal = approvals
                .openOnce(invitation, meeting, ANNA, Duration.ofMinutes(5))
                .block();
        assertThat(afterWithdrawal).isInstanceOf(Opening.Opened.class);
        assertThat(afterWithdrawal.request().id())
                .isNotEqualTo(afterDenial.request().id());
    }

    private ApprovalRequest open(Duration timeout) {
        Invitation invitation = invitation();
        Meeting meeting = meetings.findById(invitation.meetingId()).block();
        ApprovalRequest request =
                approvals.open(invitation, meeting, ANNA, timeout).block();
        assertThat(request.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(approvals.find(request.id()).block()).isEqualTo(request);
        return request;
    }

    /** A meeting in an hour with Anna invited. */
    private Invitation invitation() {
        Instant start = Instant.now().plus(Duration.ofHours(1));
        Meeting meeting = new Meeting(
                MeetingStore.newId(),
                new Meeting.Organizer("organizer-1", "org@example.com", "Olga Organizer"),
                "Q3 review",
                start,
                start.plus(Duration.ofHours(1)),
                ZoneId.of("Europe/Vienna"),
                new Meeting.WebexMeeting("w1", "123", "https://example.webex.com/m", "123@example.webex.com"),
                0,
                MeetingStatus.SCHEDULED,
                Instant.now());
        meetings.save(meeting).block();
        return Objects.requireNonNull(invitations
                .add(meeting, new Invitee("Anna Müller", "anna@example.com"))
                .map(AddResult::invitation)
                .block());
    }
}
