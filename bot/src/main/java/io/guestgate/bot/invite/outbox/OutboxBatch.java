package io.guestgate.bot.invite.outbox;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.MailPurpose;
import java.util.List;
import java.util.Objects;

/**
 * Mails that belong together — everyone added by one command, every guest of a moved meeting — and get one report
 * to the organizer once all of them are settled.
 *
 * @param language the language of the guests' mail and of the organizer's report
 */
public record OutboxBatch(
        String organizerPersonId,
        String meetingId,
        String meetingTitle,
        MailPurpose purpose,
        Language language,
        List<String> invitationIds) {

    public OutboxBatch {
        Objects.requireNonNull(organizerPersonId, "organizerPersonId");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(meetingTitle, "meetingTitle");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(language, "language");
        invitationIds = List.copyOf(invitationIds);
    }

    /**
     * What an outbox entry names instead of an invitation for the organizer's own calendar entry. Invitation ids end
     * in ten random characters, so this one, with nine, is never one of theirs.
     */
    public static String organizerCopyId(String meetingId) {
        return meetingId + "-organizer";
    }
}
