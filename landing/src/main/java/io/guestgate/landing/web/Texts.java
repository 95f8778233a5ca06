package io.guestgate.landing.web;

import io.guestgate.domain.meeting.MeetingTimes;
import io.guestgate.platform.text.MessageBundles;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The landing's words, in German and English, from {@code landing/messages*.properties}. A message source of its own,
 * so the bot's (or the application's) {@code messages} bundle can never shadow a landing text or the other way round.
 */
@Component("landingTexts")
public class Texts {

    static final List<Locale> SUPPORTED = List.of(Locale.GERMAN, Locale.ENGLISH);

    private final ResourceBundleMessageSource messages = MessageBundles.of("landing/messages");

    Texts() {}

    /** German if the browser prefers it over English, English otherwise (also when it asks for neither). */
    public Locale localeOf(ServerHttpRequest request) {
        try {
            Locale chosen = Locale.lookup(request.getHeaders().getAcceptLanguage(), SUPPORTED);
            return chosen == null ? Locale.ENGLISH : chosen;
        } catch (IllegalArgumentException malformedHeader) {
            return Locale.ENGLISH;
        }
    }

    public Bundle bundle(Locale locale) {
        return new Bundle(messages, locale);
    }

    /** The texts of one language, as templates use them: {@code ${t.get('join.verify', provider)}}. */
    public static final class Bundle {

        private final MessageSource messages;
        private final Locale locale;

        Bundle(MessageSource messages, Locale locale) {
            this.messages = messages;
            this.locale = locale;
        }

        public String get(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        public String lang() {
            return locale.getLanguage();
        }

        /**
         * A meeting's time span in the meeting's own zone, written as in chat and mail ({@link MeetingTimes}), e.g.
         * "Montag, 30. November 2026, 10:00–11:00 (Europe/Vienna)".
         */
        public String span(Instant start, Instant end, ZoneId zone) {
            return MeetingTimes.span(locale, start, end, zone);
        }

        /** A moment in the given zone, e.g. "Montag, 30. November 2026, 09:30 (Europe/Vienna)". */
        public String moment(Instant at, ZoneId zone) {
            return MeetingTimes.moment(locale, at, zone);
        }
    }
}
