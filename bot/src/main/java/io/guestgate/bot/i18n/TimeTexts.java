package io.guestgate.bot.i18n;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import io.guestgate.guestlist.meeting.Meeting;
import io.guestgate.guestlist.meeting.MeetingsProperties;

/**
 * Dates and times as organizers read them, in their language: a meeting in its own zone, anything else in the zone
 * given (the organizer's, see {@link OrganizerZones}). {@link #zone()} is the configured fallback.
 */
@Component
public class TimeTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final BotMessages messages;
    private final ZoneId zone;

    public TimeTexts(BotMessages messages, MeetingsProperties meetings) {
        this.messages = messages;
        this.zone = meetings.timezone();
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * A meeting's time in its own zone, e.g. "Tue, 1 Dec 2026, 10:00–10:45 (Europe/Vienna)" or "Di., 1. Dez. 2026,
     * 10:00–10:45 (Europe/Vienna)".
     */
    public String range(Language language, Meeting meeting) {
        ZoneId zone = meeting.timezone();
        ZonedDateTime from = meeting.start().atZone(zone);
        ZonedDateTime to = meeting.end().atZone(zone);
        String endText = to.toLocalDate().equals(from.toLocalDate()) ? TIME.format(to)
                : date(language, to) + " " + TIME.format(to);
        return messages.text(language, "meeting.time", date(language, from), TIME.format(from), endText, zone.getId());
    }

    /** A moment, e.g. for "linked since", written like a meeting's time: "Sat, 5 Dec 2026, 01:48 (Europe/Vienna)". */
    public String moment(Language language, Instant instant, ZoneId zone) {
        ZonedDateTime at = instant.atZone(zone);
        return messages.text(language, "meeting.moment", date(language, at), TIME.format(at), zone.getId());
    }

    private String date(Language language, ZonedDateTime at) {
        return DateTimeFormatter.ofPattern(messages.text(language, "meeting.date-pattern"), language.locale())
                .format(at);
    }
}
