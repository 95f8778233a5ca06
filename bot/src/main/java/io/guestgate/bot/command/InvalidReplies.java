package io.guestgate.bot.command;

import org.springframework.stereotype.Component;

import io.guestgate.bot.command.Command.Invalid;
import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;

/** The answer to a command written wrongly: what was wrong, in the command's language, and an example that works. */
@Component
public class InvalidReplies {

    private final BotMessages messages;

    public InvalidReplies(BotMessages messages) {
        this.messages = messages;
    }

    public Reply reply(Invalid invalid) {
        Language language = invalid.language();
        String key = invalid.problem().messageKey();
        String problem = invalid.detail().isEmpty()
                ? messages.textOr(language, key + ".empty", key, "")
                : messages.text(language, key, Markdown.escape(invalid.detail()));
        String example = messages.text(language, "invalid.example",
                messages.text(language, "example." + invalid.verb()));
        return Reply.text(problem + "\n\n" + example);
    }
}
