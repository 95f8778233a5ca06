package io.guestgate.domain.meeting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way GuestGate writes a time, in chat, mail, cards and pages alike: the weekday and date written out, a
 * 24-hour clock, and the zone, e.g. "Sunday, 6 December 2026, 10:00–10:30 (Europe/Vienna)" or "Sonntag, 6. Dezember
 * 2026, 10:00–10:30 (Europe/Vienna)".
 */
public final class MeetingTimes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter GERMAN_DATE =
            DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", Locale.GERMAN);
    private static final DateTimeFormatter ENGLISH_DATE =
            DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);

    private MeetingTimes() {}

    /** A span in {@code zone}; an end on another day carries its date too. */
    public static String span(Locale locale, Instant start, Instant end, ZoneId zone) {
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = end.atZone(zone);
        String until = to.toLocalDate().equals(from.toLocalDate())
                ? TIME.format(to)
                : date(locale).format(to) + ", " + TIME.format(to);
        return date(locale).format(from) + ", " + TIME.format(from) + "–" + until + " (" + zone.getId() + ")";
    }

    /** A moment in {@code zone}, e.g. "Saturday, 5 December 2026, 01:48 (Europe/Vienna)". */
    public static String moment(Locale locale, Instant at, ZoneId zone) {
        ZonedDateTime when = at.atZone(zone);
        return date(locale).format(when) + ", " + TIME.format(when) + " (" + zone.getId() + ")";
    }

    private static DateTimeFormatter date(Locale locale) {
        return "de".equals(locale.getLanguage()) ? GERMAN_DATE : ENGLISH_DATE;
    }
}
