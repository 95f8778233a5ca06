package io.guestgate.bot.i18n;

import io.guestgate.platform.text.MessageBundles;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The bot's texts ({@code bot/messages*.properties}) in German and English. Its own bundle, not the application's
 * {@code messageSource}, so the bot's keys never mix with the landing's.
 */
@Component
public class BotMessages {

    private final ResourceBundleMessageSource source;

    public BotMessages() {
        this("bot/messages");
    }

    /** The texts of these bundles, looked up in this order: a test adds the texts of a command of its own. */
    public BotMessages(String... basenames) {
        source = MessageBundles.of(basenames);
    }

    /** The text for {@code key}; throws if the bundle lacks it (a bug, caught by the bundle tests). */
    public String text(Language language, String key, Object... args) {
        return source.getMessage(key, args, language.locale());
    }

    /** The text for {@code key}, or for {@code fallbackKey} when the bundle has none for {@code key}. */
    public String textOr(Language language, String key, String fallbackKey, Object... args) {
        try {
            return text(language, key, args);
        } catch (NoSuchMessageException missing) {
            return text(language, fallbackKey, args);
        }
    }

    public boolean has(Language language, String key) {
        return source.getMessage(key, null, null, language.locale()) != null;
    }
}
