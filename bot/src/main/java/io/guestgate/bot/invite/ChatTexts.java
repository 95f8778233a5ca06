package io.guestgate.bot.invite;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.InviteMessages;

/** The invitation feature's chat answers, from its own bundle, in the language of the organizer's command. */
final class ChatTexts {

    private ChatTexts() {}

    static String text(Language language, String key, Object... arguments) {
        return InviteMessages.get(language, key, arguments);
    }
}
