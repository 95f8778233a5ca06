package io.guestgate.bot;

import io.guestgate.bot.i18n.Language;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the bot reads of how guests are admitted ({@code guestgate.admission.*}, which the landing applies): the
 * language of chat messages about guests, so an organizer hears of one guest in one language, and the match policy,
 * which decides what an invitation must carry.
 *
 * @param matchPolicy {@code email}, {@code name} or {@code host-approval}
 */
@ConfigurationProperties("guestgate.admission")
public record GuestAdmission(
        @DefaultValue("en") Language organizerLanguage,
        @DefaultValue("email") String matchPolicy) {

    /** Under the {@code name} policy the invited name is what the verified name must match: every guest needs one. */
    public boolean needsNames() {
        return "name".equals(matchPolicy.strip().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
