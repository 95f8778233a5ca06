package io.guestgate.bot.lobby;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.guestgate.bot.i18n.Language;

/**
 * The language of chat messages about guests: the same {@code guestgate.admission.organizer-language} the landing's
 * messages follow, so an organizer hears of one guest in one language.
 */
@ConfigurationProperties("guestgate.admission")
record OrganizerLanguage(@DefaultValue("en") Language organizerLanguage) {
}
