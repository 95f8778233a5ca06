package io.guestgate.bot.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages the bot speaks. A command is answered in the language it was written in. */
public enum Language {
    EN(Locale.ENGLISH),
    DE(Locale.GERMAN);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The language tag, {@code en} or {@code de}, as carried in card submissions. */
    public String tag() {
        return locale.getLanguage();
    }

    /** The language for a tag such as {@code de} or {@code de-AT}; empty for anything else. */
    public static Optional<Language> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        for (Language candidate : values()) {
            if (candidate.tag().equals(language)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
