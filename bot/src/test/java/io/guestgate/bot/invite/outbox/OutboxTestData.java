package io.guestgate.bot.invite.outbox;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.InviteTestWorld;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.emulator.WebexEmulator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** A meeting with numbered guests, queued in one batch. */
final class OutboxTestData {

    static final Duration WAIT = Duration.ofSeconds(30);

    private OutboxTestData() {}

    static Meeting meeting(ConfigurableApplicationContext context, WebexEmulator webex, String title) {
        return InviteTestWorld.storeMeeting(
                context,
                webex,
                title,
                Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS),
                Duration.ofHours(1));
    }

    static List<Invitation> guests(ConfigurableApplicationContext context, Meeting meeting, int count) {
        List<Invitation> invitations = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            invitations.add(context.getBean(InvitationStore.class)
                    .add(meeting, new Invitee("Guest " + i, "guest" + i + "@guest.example"))
                    .block(WAIT)
                    .invitation());
        }
        return invitations;
    }

    static String enqueue(ConfigurableApplicationContext context, Meeting meeting, List<Invitation> invitations) {
        return context.getBean(Outbox.class)
                .enqueue(new OutboxBatch(
                        meeting.organizer().personId(),
                        meeting.id(),
                        meeting.title(),
                        MailPurpose.INVITE,
                        Language.EN,
                        invitations.stream().map(Invitation::id).toList()))
                .block(WAIT);
    }
}
