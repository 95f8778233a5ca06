package io.guestgate.bot.invite.mail;

import io.guestgate.bot.invite.content.InviteKind;
import io.guestgate.bot.invite.content.InviteMessages;
import io.guestgate.bot.invite.content.Text;
import io.guestgate.domain.meeting.MeetingTimes;
import org.springframework.web.util.HtmlUtils;

/** The readable part of a guest mail, as plain text and as HTML. Every value is escaped before it goes into HTML. */
final class MailBody {

    private MailBody() {}

    static String subject(GuestMail mail) {
        String title = Text.singleLine(mail.meeting().title(), 160);
        return Text.singleLine(InviteMessages.get(
                mail.language(), "mail.subject." + mail.purpose().key(), title));
    }

    static String plain(GuestMail mail) {
        StringBuilder text = new StringBuilder();
        for (String paragraph : paragraphs(mail)) {
            text.append(paragraph).append("\n\n");
        }
        if (mail.personalLink() != null) {
            text.append(message(mail, "mail.link.label"))
                    .append('\n')
                    .append(mail.personalLink())
                    .append("\n\n")
                    .append(message(mail, "mail.link.explain"))
                    .append("\n\n");
        }
        text.append("-- \n").append(footer(mail)).append('\n');
        return text.toString();
    }

    static String html(GuestMail mail) {
        StringBuilder html = new StringBuilder(2048)
                .append("<!DOCTYPE html>\n<html lang=\"")
                .append(mail.language().locale().getLanguage())
                .append("\">\n<head><meta charset=\"UTF-8\"><title>")
                .append(escape(subject(mail)))
                .append("</title></head>\n<body style=\"font-family:Arial,Helvetica,sans-serif;color:#222\">\n");
        for (String paragraph : paragraphs(mail)) {
            html.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        if (mail.personalLink() != null) {
            String href = escape(mail.personalLink().toString());
            html.append("<p><a href=\"")
                    .append(href)
                    .append("\" style=\"display:inline-block;padding:10px 18px;")
                    .append("background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px\">")
                    .append(escape(message(mail, "mail.link.button")))
                    .append("</a></p>\n")
                    .append("<p>")
                    .append(escape(message(mail, "mail.link.label")))
                    .append("<br>")
                    .append("<a href=\"")
                    .append(href)
                    .append("\">")
                    .append(href)
                    .append("</a></p>\n")
                    .append("<p style=\"color:#555\">")
                    .append(escape(message(mail, "mail.link.explain")))
                    .append("</p>\n");
        }
        html.append("<p style=\"color:#888;font-size:small\">")
                .append(escape(footer(mail)))
                .append("</p>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    private static String[] paragraphs(GuestMail mail) {
        String organizer = Text.singleLine(mail.meeting().organizerName());
        String title = Text.singleLine(mail.meeting().title());
        String intro = message(mail, "mail." + mail.purpose().key() + ".intro", organizer, title);
        String greeting =
                message(mail, "mail.greeting", Text.singleLine(mail.guest().name()));
        if (mail.purpose().kind() == InviteKind.CANCEL) {
            return new String[] {greeting, intro};
        }
        if (mail.purpose().toOrganizer()) {
            return new String[] {
                greeting, intro, message(mail, "mail.when", when(mail)), message(mail, "mail.organizer.explain")
            };
        }
        return new String[] {greeting, intro, message(mail, "mail.when", when(mail))};
    }

    /** "Monday, 4 March 2030, 10:00–11:30 (Europe/Vienna)", in the meeting's own zone ({@link MeetingTimes}). */
    static String when(GuestMail mail) {
        return MeetingTimes.span(
                mail.language().locale(),
                mail.meeting().start(),
                mail.meeting().end(),
                mail.meeting().timezone());
    }

    private static String footer(GuestMail mail) {
        return message(
                mail,
                mail.purpose().toOrganizer() ? "mail.footer.organizer" : "mail.footer",
                Text.singleLine(mail.meeting().organizerName()));
    }

    private static String message(GuestMail mail, String key, Object... arguments) {
        return InviteMessages.get(mail.language(), key, arguments);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
