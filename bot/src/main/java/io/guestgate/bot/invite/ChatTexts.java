package io.guestgate.bot.invite;

import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.invite.content.InviteMessages;
import io.guestgate.bot.invite.content.MailLanguage;

/** The invitation feature's chat answers, from its own bundle, in the language of the organizer's command. */
final class ChatTexts {

    private ChatTexts() {}

    static String text(Language language, String key, Object... arguments) {
        return InviteMessages.get(mailLanguage(language), key, arguments);
    }

    static MailLanguage mailLanguage(Language language) {
        return MailLanguage.fromCode(language.tag()).orElse(MailLanguage.EN);
    }
}
