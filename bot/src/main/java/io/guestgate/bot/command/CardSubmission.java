package io.guestgate.bot.command;

import io.guestgate.bot.i18n.Language;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A submitted adaptive card, as read from Webex ({@code GET /attachment/actions/{id}}).
 *
 * @param action    the card's {@code action} input, naming the {@link CardActionHandler}
 * @param language  the card's {@code lang} input when the bot put one there, else the bot's fallback language
 * @param inputs    every input of the card, as strings (toggles are {@code "true"}/{@code "false"})
 * @param messageId the message that carried the card
 */
public record CardSubmission(String action, Language language, Map<String, String> inputs, String messageId) {

    /** The input that names the handler. */
    public static final String ACTION_INPUT = "action";
    /** The input that carries the language the card was written in. */
    public static final String LANGUAGE_INPUT = "lang";

    public CardSubmission {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(language, "language");
        inputs = Map.copyOf(inputs);
        messageId = messageId == null ? "" : messageId;
    }

    /** The input's value, stripped; empty when it is missing or blank. */
    public Optional<String> input(String name) {
        return Optional.ofNullable(inputs.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
