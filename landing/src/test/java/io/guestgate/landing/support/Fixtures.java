package io.guestgate.landing.support;

import io.guestgate.domain.invitation.AddResult;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStatus;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.emulator.config.EmulatorSeed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.springframework.context.ApplicationContext;

/** Meetings and invitations as the bot would have stored them, with the emulator's organizer as the owner. */
public final class Fixtures {

    public static final String SIP_ADDRESS = "2550123456@guestgate-sandbox.webex.com";

    private Fixtures() {}

    /** An invited guest: the meeting, the invitation and the personal link token from their mail. */
    public record Invited(Meeting meeting, Invitation invitation, String token) {}

    /** A meeting that started five minutes ago and runs for an hour, with one guest invited. */
    public static Invited invite(ApplicationContext context, String name, String email) {
        return invite(context, name, email, Instant.now().minus(Duration.ofMinutes(5)));
    }

    public static Invited invite(ApplicationContext context, String name, String email, Instant start) {
        return invite(context, new Invitee(name, email), start);
    }

    /** Like {@link #invite(ApplicationContext, String, String)}, for an invitee with a language or host approval. */
    public static Invited invite(ApplicationContext context, Invitee invitee) {
        return invite(context, invitee, Instant.now().minus(Duration.ofMinutes(5)));
    }

    private static Invited invite(ApplicationContext context, Invitee invitee, Instant start) {
        EmulatorSeed.Person organizer = TestWorld.seed().organizer();
        Meeting meeting = new Meeting(
                MeetingStore.newId(),
                new Meeting.Organizer(organizer.id(), organizer.email(), organizer.displayName()),
                "Q3 review",
                start,
                start.plus(Duration.ofHours(1)),
                ZoneId.of("Europe/Vienna"),
                new Meeting.WebexMeeting(
                        "webex-meeting-1", "2550123456", "https://guestgate-sandbox.webex.com/m/1", SIP_ADDRESS),
                0,
                MeetingStatus.SCHEDULED,
                Instant.now());
        context.getBean(MeetingStore.class).save(meeting).block();
        InvitationStore invitations = context.getBean(InvitationStore.class);
        Invitation invitation = Objects.requireNonNull(
                invitations.add(meeting, invitee).map(AddResult::invitation).block());
        String token = invitations.issueLinkToken(invitation).block();
        return new Invited(meeting, invitation, token);
    }
}
