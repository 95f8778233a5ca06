package io.guestgate.bot.chain;

import io.guestgate.bot.command.Command.Invalid;
import io.guestgate.bot.command.Command.ListMeetings;
import io.guestgate.bot.command.Command.Unknown;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.command.HelpText;
import io.guestgate.bot.command.InvalidReplies;
import io.guestgate.bot.command.Verb;
import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.platform.redis.Ids;
import io.guestgate.webex.WebexApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The answers no handler gives: to mistakes, unknown words, unknown cards and failures. */
@Component
class Answers {

    private static final Logger log = LoggerFactory.getLogger(Answers.class);

    private final BotMessages messages;
    private final HelpText help;
    private final InvalidReplies invalidReplies;

    Answers(BotMessages messages, HelpText help, InvalidReplies invalidReplies) {
        this.messages = messages;
        this.help = help;
        this.invalidReplies = invalidReplies;
    }

    /** What was wrong, and an example of the right form. */
    Reply invalid(Invalid invalid) {
        return invalidReplies.reply(invalid);
    }

    Reply unknown(Unknown unknown) {
        return Reply.text(messages.text(
                unknown.language(), "unknown", Markdown.escape(unknown.word()), help.keywords(unknown.language())));
    }

    /** The command reached its handler on an instance that stopped before it finished: it may be done or not. */
    Reply interrupted(Verb verb, Language language) {
        return Reply.text(
                messages.text(language, "interrupted", verb.keyword(language), ListMeetings.VERB.keyword(language)));
    }

    /** The card's action reached its handler on an instance that stopped before it finished. */
    Reply interruptedCard(Language language) {
        return Reply.text(messages.text(language, "interrupted.card", ListMeetings.VERB.keyword(language)));
    }

    Reply unknownCard(Language language) {
        return Reply.text(messages.text(language, "card.unknown"));
    }

    /** A failure turned into words: Webex's reason and tracking id, or a reference to find the log line by. */
    Reply failure(Throwable error, Language language, Conversation conversation) {
        if (error instanceof WebexApiException webex) {
            log.warn(
                    "A command of person {} in space {} failed at Webex: {}",
                    conversation.personId(),
                    conversation.roomId(),
                    webex.getMessage());
            if (webex.isConnectionFailure()) {
                return Reply.text(messages.text(language, "webex.failed.unreachable"));
            }
            String reason =
                    webex.webexMessage() != null && !webex.webexMessage().isBlank()
                            ? webex.webexMessage()
                            : webex.errorDescriptions().isEmpty()
                                    ? "HTTP " + webex.status()
                                    : webex.errorDescriptions().get(0);
            String trackingId = webex.trackingId() == null ? "–" : webex.trackingId();
            return Reply.text(
                    messages.text(language, "webex.failed", Markdown.escape(reason), Markdown.escape(trackingId)));
        }
        String reference = Ids.random(8);
        log.error(
                "A command of person {} in space {} failed (reference {}): {}",
                conversation.personId(),
                conversation.roomId(),
                reference,
                error.toString());
        return Reply.text(messages.text(language, "failed", reference));
    }
}
