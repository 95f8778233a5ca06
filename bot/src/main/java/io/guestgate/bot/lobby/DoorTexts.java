package io.guestgate.bot.lobby;

import io.guestgate.bot.i18n.Language;
import io.guestgate.platform.text.MessageBundles;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/** The door's texts in German and English ({@code lobby/messages*.properties}), kept beside the feature. */
@Component
class DoorTexts {

    private final ResourceBundleMessageSource source = MessageBundles.of("lobby/messages");

    DoorTexts() {}

    String text(Language language, String key, Object... args) {
        return source.getMessage(key, args, language == Language.DE ? Locale.GERMAN : Locale.ROOT);
    }
}
