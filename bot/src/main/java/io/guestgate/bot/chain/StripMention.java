package io.guestgate.bot.chain;

import io.guestgate.bot.chain.Incoming.ChatMessage;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * In a group space the bot only sees messages that @mention it, and the message text starts with the name the
 * mention showed: the bot's display name, or its first word when the sender shortened it. That name is not part of
 * the command.
 */
@Component
class StripMention implements Step<Incoming, Incoming> {

    private final BotIdentity identity;

    StripMention(BotIdentity identity) {
        this.identity = identity;
    }

    @Override
    public Mono<Void> apply(Incoming incoming, Function<Incoming, Mono<Void>> next) {
        if (!(incoming instanceof ChatMessage message)
                || !message.conversation().group()) {
            return next.apply(incoming);
        }
        return identity.me().flatMap(me -> next.apply(message.withText(strip(message.text(), me.displayName()))));
    }

    static String strip(String text, String botName) {
        String trimmed = text.strip();
        String name = botName.strip();
        int space = name.indexOf(' ');
        for (String candidate : space > 0 ? new String[] {name, name.substring(0, space)} : new String[] {name}) {
            if (startsWithWord(trimmed, candidate)) {
                return trimmed.substring(candidate.length()).strip();
            }
            if (startsWithWord(trimmed, "@" + candidate)) {
                return trimmed.substring(candidate.length() + 1).strip();
            }
        }
        return trimmed;
    }

    private static boolean startsWithWord(String text, String word) {
        if (word.isEmpty() || !text.regionMatches(true, 0, word, 0, word.length())) {
            return false;
        }
        return text.length() == word.length() || !Character.isLetterOrDigit(text.charAt(word.length()));
    }
}
