package io.guestgate.bot.reply;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One message the bot sends in answer to a command: markdown, optionally with an adaptive card. Webex shows the
 * markdown where cards cannot be shown, so it must say the same in words.
 *
 * @param audience where it goes
 * @param markdown the text, in Webex markdown; values typed by people must go through {@link Markdown#escape}
 * @param card     the adaptive card's content ({@code "type": "AdaptiveCard", …}), if any
 */
public record Reply(Audience audience, String markdown, Optional<Map<String, Object>> card) {

    public Reply {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(card, "card");
        if (markdown == null || markdown.isBlank()) {
            throw new IllegalArgumentException("a reply needs text");
        }
        card = card.map(Map::copyOf);
    }

    /** Text in the conversation the command came from (same space, same thread). */
    public static Reply text(String markdown) {
        return new Reply(Audience.CONVERSATION, markdown, Optional.empty());
    }

    /** A card in the conversation the command came from, with {@code markdown} as its fallback. */
    public static Reply card(String markdown, Map<String, Object> card) {
        return new Reply(Audience.CONVERSATION, markdown, Optional.of(card));
    }

    /** The same reply, sent to the sender alone in a 1:1 space instead. */
    public Reply privately() {
        return new Reply(Audience.SENDER_DIRECTLY, markdown, card);
    }

    public enum Audience {
        /** The space (and thread) the command came from. */
        CONVERSATION,
        /** A 1:1 space with the person who wrote the command: for anything that must not be seen by a group. */
        SENDER_DIRECTLY
    }
}
