package io.guestgate.bot.command;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads starts ({@code 2026-12-01T10:00}, {@code 2026-12-01 10:00}, {@code 01.12.2026 10:00},
 * {@code tomorrow 10:00} / {@code morgen 10:00}), lengths ({@code 45m}, {@code 1h30}, {@code 90 min}) and ends
 * ({@code 11:30}), all in the configured zone.
 */
final class WhenParser {

    static final Duration MIN_LENGTH = Duration.ofMinutes(10);
    static final Duration MAX_LENGTH = Duration.ofHours(23).plusMinutes(59);

    private static final String TIME = "(?:(?:at|um)\\s+)?(\\d{1,2})[:.](\\d{2})(?:\\s*uhr)?";
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:t|\\s+)" + TIME);
    private static final Pattern GERMAN = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}),?\\s+" + TIME);
    private static final Pattern RELATIVE = Pattern.compile(
            "(today|heute|tomorrow|morgen|übermorgen|uebermorgen|yesterday|gestern|vorgestern),?\\s+" + TIME);
    /** A weekday, in English or German, full or short, optionally "next" / "nächsten": its next occurrence. */
    private static final Pattern WEEKDAY = Pattern.compile("(?:(?:next|this|coming|nächsten|naechsten|kommenden|"
            + "diesen)\\s+)?(monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|"
            + "sunday|sun|montag|mo|dienstag|di|mittwoch|mi|donnerstag|do|freitag|fr|samstag|sonnabend|sa|sonntag|so)"
            + "\\.?,?\\s+" + TIME);
    /** "in 2 hours", "in 90 Minuten": from now. */
    private static final Pattern FROM_NOW =
            Pattern.compile("in\\s+(\\d{1,3})\\s*(hours?|hrs?|h|stunden?|std|minutes?|mins?|min|m|minuten)");
    /** Words for twelve o'clock, read as 12:00 wherever a time may stand. */
    private static final Pattern NOON = Pattern.compile("\\b(?:noon|midday|mittags?)\\b");

    private static final Pattern END = Pattern.compile("(?:(?:bis|until|till|to)\\s+|[-–]\\s*)?" + TIME);
    private static final Pattern MINUTES = Pattern.compile("(\\d{1,4})(?:m|min|mins|minute|minutes|minuten)");
    private static final Pattern HOURS = Pattern.compile(
            "(\\d{1,2})(?:[.,](\\d{1,2}))?(?:h|hr|hrs|hour|hours|std|stunde|stunden)(?:(\\d{1,2})(?:m|min|minuten|minutes)?)?");

    private final Clock clock;
    private final ZoneId zone;

    WhenParser(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** A start in the future. */
    ZonedDateTime start(String text) {
        String input = NOON.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll("12:00");
        if (input.isEmpty()) {
            throw new InputProblem(Problem.START_UNREADABLE);
        }
        ZonedDateTime start = dateTime(input).orElseThrow(() -> new InputProblem(Problem.START_UNREADABLE, text));
        if (!start.toInstant().isAfter(clock.instant())) {
            throw new InputProblem(Problem.START_NOT_IN_FUTURE, text);
        }
        return start;
    }

    /** The length of a meeting starting at {@code start}, given as a length or an end. */
    Duration lengthOrEnd(String text, ZonedDateTime start) {
        String input = text.strip().toLowerCase(Locale.ROOT);
        Duration length = length(input.replaceAll("\\s+", ""))
                .or(() -> end(input, start).map(end -> Duration.between(start, end)))
                .orElseThrow(() -> new InputProblem(Problem.LENGTH_UNREADABLE, text));
        if (length.compareTo(MIN_LENGTH) < 0) {
            throw new InputProblem(Problem.LENGTH_TOO_SHORT, text);
        }
        if (length.compareTo(MAX_LENGTH) > 0) {
            throw new InputProblem(Problem.LENGTH_TOO_LONG, text);
        }
        return length;
    }

    private Optional<ZonedDateTime> dateTime(String input) {
        Matcher iso = ISO.matcher(input);
        if (iso.matches()) {
            return Optional.of(at(date(iso.group(1), iso.group(2), iso.group(3)), time(iso.group(4), iso.group(5))));
        }
        Matcher german = GERMAN.matcher(input);
        if (german.matches()) {
            return Optional.of(at(
                    date(german.group(3), german.group(2), german.group(1)), time(german.group(4), german.group(5))));
        }
        Matcher relative = RELATIVE.matcher(input);
        if (relative.matches()) {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            LocalDate day = switch (relative.group(1)) {
                case "today", "heute" -> today;
                case "tomorrow", "morgen" -> today.plusDays(1);
                case "yesterday", "gestern" -> today.minusDays(1);
                case "vorgestern" -> today.minusDays(2);
                default -> today.plusDays(2);
            };
            return Optional.of(at(day, time(relative.group(2), relative.group(3))));
        }
        Matcher weekday = WEEKDAY.matcher(input);
        if (weekday.matches()) {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            DayOfWeek wanted = dayOfWeek(weekday.group(1));
            LocalDate day =
                    today.plusDays((wanted.getValue() - today.getDayOfWeek().getValue() + 7) % 7);
            ZonedDateTime start = at(day, time(weekday.group(2), weekday.group(3)));
            // The next such day whose time is still ahead: today's if it is later today, else a week on.
            return Optional.of(
                    start.toInstant().isAfter(clock.instant())
                            ? start
                            : at(day.plusWeeks(1), time(weekday.group(2), weekday.group(3))));
        }
        Matcher fromNow = FROM_NOW.matcher(input);
        if (fromNow.matches()) {
            long amount = Long.parseLong(fromNow.group(1));
            Duration offset =
                    fromNow.group(2).startsWith("h") || fromNow.group(2).startsWith("st")
                            ? Duration.ofHours(amount)
                            : Duration.ofMinutes(amount);
            return Optional.of(clock.instant().plus(offset).atZone(zone).truncatedTo(ChronoUnit.MINUTES));
        }
        return Optional.empty();
    }

    private static DayOfWeek dayOfWeek(String name) {
        return switch (name) {
            case "monday", "mon", "montag", "mo" -> DayOfWeek.MONDAY;
            case "tuesday", "tues", "tue", "dienstag", "di" -> DayOfWeek.TUESDAY;
            case "wednesday", "wed", "mittwoch", "mi" -> DayOfWeek.WEDNESDAY;
            case "thursday", "thurs", "thur", "thu", "donnerstag", "do" -> DayOfWeek.THURSDAY;
            case "friday", "fri", "freitag", "fr" -> DayOfWeek.FRIDAY;
            case "saturday", "sat", "samstag", "sonnabend", "sa" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    private static Optional<Duration> length(String compact) {
        Matcher minutes = MINUTES.matcher(compact);
        if (minutes.matches()) {
            return Optional.of(Duration.ofMinutes(Long.parseLong(minutes.group(1))));
        }
        Matcher hours = HOURS.matcher(compact);
        if (hours.matches()) {
            if (hours.group(2) != null && hours.group(3) != null) {
                return Optional.empty(); // "1,5h30" means nothing
            }
            Duration length = Duration.ofHours(Long.parseLong(hours.group(1)));
            if (hours.group(2) != null) {
                // Decimal hours: "1,5h" is 90 minutes, "1,25h" 75.
                String fraction = hours.group(2);
                long minutes60 = Math.round(Integer.parseInt(fraction) * 60 / Math.pow(10, fraction.length()));
                length = length.plusMinutes(minutes60);
            }
            if (hours.group(3) != null) {
                length = length.plusMinutes(Long.parseLong(hours.group(3)));
            }
            return Optional.of(length);
        }
        return Optional.empty();
    }

    /** An end given as a time on the start's day, or as a full date and time. */
    private Optional<ZonedDateTime> end(String input, ZonedDateTime start) {
        Matcher end = END.matcher(input);
        if (end.matches()) {
            ZonedDateTime at = at(start.toLocalDate(), time(end.group(1), end.group(2)));
            return Optional.of(requireAfter(at, start, input));
        }
        return dateTime(input).map(at -> requireAfter(at, start, input));
    }

    private static ZonedDateTime requireAfter(ZonedDateTime end, ZonedDateTime start, String input) {
        if (!end.isAfter(start)) {
            throw new InputProblem(Problem.END_NOT_AFTER_START, input);
        }
        return end;
    }

    private ZonedDateTime at(LocalDate date, LocalTime time) {
        LocalDateTime local = LocalDateTime.of(date, time);
        // In the spring-forward gap the wall-clock time does not exist; guessing would put the meeting at an hour
        // the organizer never wrote.
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw new InputProblem(
                    Problem.START_IN_CLOCK_CHANGE, local.toString().replace('T', ' '));
        }
        return ZonedDateTime.of(local, zone);
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new InputProblem(Problem.DATE_INVALID, day + "." + month + "." + year);
        }
    }

    private static LocalTime time(String hour, String minute) {
        try {
            return LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute));
        } catch (DateTimeException e) {
            throw new InputProblem(Problem.TIME_INVALID, hour + ":" + minute);
        }
    }
}
