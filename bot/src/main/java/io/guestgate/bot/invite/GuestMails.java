package io.guestgate.bot.invite;

import java.util.List;

import org.springframework.stereotype.Component;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.mail.InviteMailProperties;
import io.guestgate.bot.invite.outbox.Outbox;
import io.guestgate.bot.invite.outbox.OutboxBatch;
import io.guestgate.guestlist.invitation.Invitation;
import io.guestgate.guestlist.meeting.Meeting;
import reactor.core.publisher.Mono;

/** Queues one batch of guest mail for a command, in the guests' language. */
@Component
class GuestMails {

    private final Outbox outbox;
    private final InviteMailProperties properties;

    GuestMails(Outbox outbox, InviteMailProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    Mono<Void> queue(Meeting meeting, MailPurpose purpose, Language commandLanguage, List<Invitation> guests) {
        MailLanguage language = properties.languageFor(ChatTexts.mailLanguage(commandLanguage));
        return outbox.enqueue(new OutboxBatch(meeting.organizer().personId(), meeting.id(), meeting.title(), purpose,
                language, guests.stream().map(Invitation::id).toList())).then();
    }
}
