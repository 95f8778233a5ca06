package io.guestgate.bot.invite.content;

import java.util.Locale;
import java.util.Optional;

/** The languages guest mail and organizer reports are written in. */
public enum MailLanguage {
    DE(Locale.GERMAN),
    EN(Locale.ENGLISH);

    private final Locale locale;

    MailLanguage(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The language for a code like {@code de}, {@code en} or {@code de-AT}; empty for anything else. */
    public static Optional<MailLanguage> fromCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(code.strip().replace('_', '-')).getLanguage();
        for (MailLanguage candidate : values()) {
            if (candidate.locale.getLanguage().equals(language)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static MailLanguage of(Locale locale) {
        return locale == null ? EN : fromCode(locale.toLanguageTag()).orElse(EN);
    }
}
