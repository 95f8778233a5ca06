package io.guestgate.bot.invite.ics;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.GuestMeeting;
import io.guestgate.bot.invite.content.InviteMessages;
import io.guestgate.bot.invite.content.MailPurpose;
import io.guestgate.bot.invite.content.Text;
import java.net.URI;
import java.util.List;

/** The calendar DESCRIPTION: short instructions in German and English, the guest's language first. */
final class Descriptions {

    private Descriptions() {}

    static String request(URI link, Language first) {
        StringBuilder text = new StringBuilder();
        for (Language language : order(first)) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(InviteMessages.get(language, "mail.link.label"))
                    .append(' ')
                    .append(link)
                    .append('\n')
                    .append(InviteMessages.get(language, "mail.link.explain"));
        }
        return text.toString();
    }

    /** The organizer's own entry: how guests and the organizer get in, with no link of either. */
    static String organizer(Language first) {
        StringBuilder text = new StringBuilder();
        for (Language language : order(first)) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(InviteMessages.get(language, "mail.organizer.explain"));
        }
        return text.toString();
    }

    static String cancel(MailPurpose purpose, GuestMeeting meeting, Language first) {
        StringBuilder text = new StringBuilder();
        for (Language language : order(first)) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(InviteMessages.get(
                    language,
                    "mail." + purpose.key() + ".intro",
                    Text.singleLine(meeting.organizerName()),
                    Text.singleLine(meeting.title())));
        }
        return text.toString();
    }

    private static List<Language> order(Language first) {
        return first == Language.DE ? List.of(Language.DE, Language.EN) : List.of(Language.EN, Language.DE);
    }
}
