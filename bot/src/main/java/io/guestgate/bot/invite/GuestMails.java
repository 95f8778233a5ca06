package io.guestgate.bot.invite;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.bot.invite.mail.InviteMailProperties;
import io.guestgate.bot.invite.outbox.Outbox;
import io.guestgate.bot.invite.outbox.OutboxBatch;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.meeting.Meeting;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Queues one batch of guest mail for a command, in the guests' language. */
@Component
class GuestMails {

    private static final Logger log = LoggerFactory.getLogger(GuestMails.class);

    private final Outbox outbox;
    private final InviteMailProperties properties;
    private final Clock clock;

    GuestMails(Outbox outbox, InviteMailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<Void> queue(Meeting meeting, MailPurpose purpose, Language commandLanguage, List<Invitation> guests) {
        return outbox.enqueue(batch(meeting, purpose, commandLanguage, guests)).then();
    }

    /**
     * With {@code guestgate.mail.unverified-reminder} set: a reminder that long before the start, to those of
     * {@code guests} who have not confirmed their identity by then (the outbox checks when it is due). Nothing when the
     * start is nearer than that already. A failure to schedule is logged: the invitations stand without it.
     */
    Mono<Void> remindLater(Meeting meeting, Language commandLanguage, List<Invitation> guests) {
        Instant due = meeting.start().minus(properties.unverifiedReminder());
        List<Invitation> unverified =
                guests.stream().filter(guest -> guest.identity() == null).toList();
        if (properties.unverifiedReminder().isZero() || !due.isAfter(clock.instant()) || unverified.isEmpty()) {
            return Mono.empty();
        }
        return outbox.schedule(batch(meeting, MailPurpose.REMINDER, commandLanguage, unverified), due)
                .then()
                .onErrorResume(e -> {
                    log.warn("Could not schedule the reminders of meeting {}: {}", meeting.id(), e.toString());
                    return Mono.empty();
                });
    }

    private OutboxBatch batch(Meeting meeting, MailPurpose purpose, Language commandLanguage, List<Invitation> guests) {
        Language language = properties.languageFor(commandLanguage);
        return new OutboxBatch(
                meeting.organizer().personId(),
                meeting.id(),
                meeting.title(),
                purpose,
                language,
                guests.stream().map(Invitation::id).toList());
    }
}
