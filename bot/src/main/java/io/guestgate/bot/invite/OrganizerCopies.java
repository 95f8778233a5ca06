package io.guestgate.bot.invite;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.bot.invite.mail.InviteMailProperties;
import io.guestgate.bot.invite.outbox.Outbox;
import io.guestgate.bot.invite.outbox.OutboxBatch;
import io.guestgate.bot.meeting.OrganizerCalendar;
import io.guestgate.domain.meeting.Meeting;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The organizer's own calendar entry of each meeting. GuestGate creates meetings without Webex's mails (they would
 * carry the meeting link), so without this the organizer's calendar would not know the meeting. It shares the UID
 * and SEQUENCE of the guests' entries and carries no guest link. Queued through the outbox like guest mail, so it is
 * retried and reported the same way; {@code guestgate.mail.organizer-copy=false} turns it off.
 */
@Component
class OrganizerCopies implements OrganizerCalendar {

    private static final Logger log = LoggerFactory.getLogger(OrganizerCopies.class);

    private final Outbox outbox;
    private final InviteMailProperties properties;

    OrganizerCopies(Outbox outbox, InviteMailProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    /** The entry as the meeting is now: after it was created, moved or renamed. */
    @Override
    public Mono<Void> current(Meeting meeting, Language language) {
        return queue(meeting, MailPurpose.ORGANIZER_COPY, language);
    }

    /** The entry's cancellation. */
    @Override
    public Mono<Void> cancelled(Meeting meeting, Language language) {
        return queue(meeting, MailPurpose.ORGANIZER_CANCEL, language);
    }

    private Mono<Void> queue(Meeting meeting, MailPurpose purpose, Language language) {
        if (!properties.organizerCopy()) {
            return Mono.empty();
        }
        return outbox.enqueue(new OutboxBatch(
                        meeting.organizer().personId(),
                        meeting.id(),
                        meeting.title(),
                        purpose,
                        language,
                        List.of(OutboxBatch.organizerCopyId(meeting.id()))))
                .then()
                .onErrorResume(e -> {
                    log.warn(
                            "Could not queue the organizer's calendar entry of meeting {}: {}",
                            meeting.id(),
                            e.toString());
                    return Mono.empty();
                });
    }
}
