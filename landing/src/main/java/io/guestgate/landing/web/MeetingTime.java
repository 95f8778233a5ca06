package io.guestgate.landing.web;

import io.guestgate.domain.meeting.Meeting;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A meeting's time as the pages show it: the span in the meeting's own zone, for every browser, and what
 * {@code /landing/times.js} needs to show it in the browser's zone too (start and end as ISO-8601 instants, the zone).
 */
public record MeetingTime(String text, String start, String end, String zone) {

    public static MeetingTime of(Texts.Bundle texts, Meeting meeting) {
        return new MeetingTime(
                texts.span(meeting.start(), meeting.end(), meeting.timezone()),
                iso(meeting.start()),
                iso(meeting.end()),
                meeting.timezone().getId());
    }

    /** An instant as {@code <time datetime>} and scripts read it: UTC, to the second. */
    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
