package io.guestgate.bot.invite.content;

import io.guestgate.bot.i18n.Language;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The texts of guest mail and organizer reports, from {@code invite/messages*.properties}. */
public final class InviteMessages {

    private static final String BUNDLE = "invite.messages";
    // No fallback to the JVM's default locale: English is the base bundle, German the only other.
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private InviteMessages() {}

    public static String get(Language language, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), CONTROL);
        String pattern = bundle.getString(key);
        return arguments.length == 0 && !pattern.contains("{")
                ? pattern
                : new MessageFormat(pattern, language.locale()).format(arguments);
    }
}
