package io.guestgate.bot.invite.mail;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.GuestMeeting;
import io.guestgate.bot.invite.content.InviteKind;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.domain.invitation.Invitee;
import java.net.URI;
import java.util.Objects;

/**
 * One mail to one guest, before rendering.
 *
 * @param personalLink the guest's link; required for invitations and updates, null for cancellations
 */
public record GuestMail(MailPurpose purpose, GuestMeeting meeting, Invitee guest, URI personalLink, Language language) {

    public GuestMail {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(meeting, "meeting");
        Objects.requireNonNull(guest, "guest");
        Objects.requireNonNull(language, "language");
        if (purpose.kind() == InviteKind.REQUEST && !purpose.toOrganizer() && personalLink == null) {
            throw new IllegalArgumentException("An invitation needs the guest's personal link");
        }
        if (purpose.kind() == InviteKind.CANCEL || purpose.toOrganizer()) {
            personalLink = null;
        }
    }
}
