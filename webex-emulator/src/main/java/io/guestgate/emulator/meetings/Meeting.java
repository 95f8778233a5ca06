package io.guestgate.emulator.meetings;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/** A scheduled meeting series, as the emulator stores it. Updates replace the whole record. */
public record Meeting(
        String id,
        String meetingNumber,
        String title,
        String agenda,
        String password,
        Instant start,
        Instant end,
        ZoneId timezone,
        String hostUserId,
        String hostDisplayName,
        String hostEmail,
        String hostKey,
        String siteUrl,
        String webLink,
        String sipAddress,
        MeetingOptions options) {

    public Meeting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(meetingNumber, "meetingNumber");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(hostUserId, "hostUserId");
        Objects.requireNonNull(options, "options");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
    }

    Meeting rescheduled(
            String newTitle,
            String newAgenda,
            Instant newStart,
            Instant newEnd,
            ZoneId newZone,
            String newPassword,
            MeetingOptions newOptions) {
        return new Meeting(
                id,
                meetingNumber,
                newTitle,
                newAgenda,
                newPassword,
                newStart,
                newEnd,
                newZone,
                hostUserId,
                hostDisplayName,
                hostEmail,
                hostKey,
                siteUrl,
                webLink,
                sipAddress,
                newOptions);
    }
}
