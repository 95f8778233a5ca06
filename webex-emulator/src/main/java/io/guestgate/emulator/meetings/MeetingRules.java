package io.guestgate.emulator.meetings;

import io.guestgate.emulator.support.ApiException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Webex's checks on a meeting request: title, times, length and enum values. */
@Component
class MeetingRules {

    static final int MAX_TITLE = 128;
    static final Duration MIN_LENGTH = Duration.ofMinutes(10);
    static final Duration MAX_LENGTH = Duration.ofHours(23).plusMinutes(59);
    private static final Set<String> JOIN_SECURITY = Set.of("allowJoin", "allowJoinWithLobby", "blockFromJoin");
    private static final Set<String> SCHEDULED_TYPES = Set.of("meeting", "webinar", "personalRoomMeeting");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

    private final Clock clock;

    MeetingRules(Clock clock) {
        this.clock = clock;
    }

    record Schedule(String title, Instant start, Instant end, ZoneId zone) {}

    Schedule check(MeetingRequest r) {
        if (r == null) {
            throw ApiException.badRequest("The request body is required.");
        }
        String title = r.title() == null ? "" : r.title().strip();
        if (title.isEmpty()) {
            throw ApiException.badRequest("title is required.");
        }
        if (title.length() > MAX_TITLE) {
            throw ApiException.badRequest("title must not be longer than " + MAX_TITLE + " characters.");
        }
        ZoneId zone = zone(r.timezone());
        Instant start = time("start", r.start(), zone);
        Instant end = time("end", r.end(), zone);
        if (start.isBefore(clock.instant())) {
            throw ApiException.badRequest("start must not be in the past.");
        }
        Duration length = Duration.between(start, end);
        if (length.compareTo(MIN_LENGTH) < 0 || length.compareTo(MAX_LENGTH) > 0) {
            throw ApiException.badRequest("The meeting must last at least 10 minutes and at most 23 hours 59 minutes.");
        }
        checkEnum("unlockedMeetingJoinSecurity", r.unlockedMeetingJoinSecurity(), JOIN_SECURITY);
        checkEnum("scheduledType", r.scheduledType(), SCHEDULED_TYPES);
        if (r.recurrence() != null && !r.recurrence().isBlank()) {
            throw ApiException.badRequest("The emulator schedules single meetings only; recurrence is not supported.");
        }
        return new Schedule(title, start, end, zone);
    }

    private static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("timezone '" + timezone + "' is not a valid IANA time zone.");
        }
    }

    /** ISO 8601 with an offset, or a local date-time ("2019-11-01 20:00:00") in the request's time zone. */
    private static Instant time(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field + " is required.");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value, LOCAL).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest(
                        field + " must be an ISO 8601 date-time, e.g. 2030-11-01T20:00:00+01:00.");
            }
        }
    }

    private static void checkEnum(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw ApiException.badRequest(field + " must be one of " + allowed + ".");
        }
    }
}
