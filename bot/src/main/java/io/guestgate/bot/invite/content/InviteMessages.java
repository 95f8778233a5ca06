package io.guestgate.bot.invite.content;

import io.guestgate.bot.i18n.Language;
import io.guestgate.platform.text.MessageBundles;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The texts of guest mail and organizer reports, from {@code invite/messages*.properties}. */
public final class InviteMessages {

    private static final ResourceBundleMessageSource TEXTS = MessageBundles.of("invite/messages");

    private InviteMessages() {}

    public static String get(Language language, String key, Object... arguments) {
        return TEXTS.getMessage(key, arguments, language.locale());
    }
}
