package io.guestgate.bot.command;

import io.guestgate.bot.command.Command.Invalid;
import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.i18n.TimeTexts;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The answer to a command written wrongly: what was wrong, in the command's language, and an example that works.
 * Dates in an answer are tomorrow's, built when the answer is, so that an example copied from it is never in the past.
 */
@Component
public class InvalidReplies {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final BotMessages messages;
    private final Clock clock;
    private final ZoneId zone;

    @Autowired
    public InvalidReplies(BotMessages messages, Clock clock, TimeTexts times) {
        this(messages, clock, times.zone());
    }

    public InvalidReplies(BotMessages messages, Clock clock, ZoneId zone) {
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    public Reply reply(Invalid invalid) {
        Language language = invalid.language();
        String example = messages.text(
                language,
                "invalid.example",
                messages.text(language, "example." + invalid.verb().name()));
        return Reply.text(problem(invalid) + "\n\n" + example);
    }

    /** Only what was wrong, for answers that give their own example (a card's, in card terms). */
    public String problem(Invalid invalid) {
        Language language = invalid.language();
        String key = invalid.problem().messageKey();
        LocalDate tomorrow = LocalDate.now(clock.withZone(zone)).plusDays(1);
        String iso = tomorrow.format(ISO);
        String german = tomorrow.format(GERMAN);
        return invalid.detail().isEmpty()
                ? messages.textOr(language, key + ".empty", key, "", iso, german)
                : messages.text(language, key, Markdown.escape(invalid.detail()), iso, german);
    }
}
