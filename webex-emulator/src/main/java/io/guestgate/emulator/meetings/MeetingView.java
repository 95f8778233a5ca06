package io.guestgate.emulator.meetings;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A meeting in Webex's JSON shape: MeetingSeriesObject, or MeetingObjectForListMeeting with {@code meetingSeriesId}. */
final class MeetingView {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter OCCURRENCE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private MeetingView() {}

    static Map<String, Object> series(Meeting m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", m.id());
        body.put("meetingNumber", m.meetingNumber());
        body.put("title", m.title());
        if (m.agenda() != null) {
            body.put("agenda", m.agenda());
        }
        body.put("password", m.password());
        body.put("phoneAndVideoSystemPassword", numericPassword(m));
        body.put("meetingType", "meetingSeries");
        body.put("state", "active");
        body.put("timezone", m.timezone().getId());
        body.put("start", format(m.start(), m.timezone()));
        body.put("end", format(m.end(), m.timezone()));
        body.put("hostUserId", m.hostUserId());
        body.put("hostDisplayName", m.hostDisplayName());
        body.put("hostEmail", m.hostEmail());
        body.put("hostKey", m.hostKey());
        body.put("siteUrl", m.siteUrl());
        body.put("webLink", m.webLink());
        body.put("sipAddress", m.sipAddress());
        MeetingOptions o = m.options();
        body.put("enabledAutoRecordMeeting", o.enabledAutoRecordMeeting());
        body.put("allowAnyUserToBeCoHost", o.allowAnyUserToBeCoHost());
        body.put("enabledJoinBeforeHost", o.enabledJoinBeforeHost());
        body.put("enableConnectAudioBeforeHost", o.enableConnectAudioBeforeHost());
        body.put("joinBeforeHostMinutes", o.joinBeforeHostMinutes());
        body.put("excludePassword", o.excludePassword());
        body.put("publicMeeting", o.publicMeeting());
        body.put("reminderTime", o.reminderTime());
        body.put("unlockedMeetingJoinSecurity", o.unlockedMeetingJoinSecurity());
        body.put("scheduledType", o.scheduledType());
        body.put("enabledWebcastView", o.enabledWebcastView());
        body.put("enableAutomaticLock", o.enableAutomaticLock());
        body.put("automaticLockMinutes", o.automaticLockMinutes());
        body.put("allowFirstUserToBeCoHost", o.allowFirstUserToBeCoHost());
        body.put("allowAuthenticatedDevices", o.allowAuthenticatedDevices());
        body.put(
                "telephony",
                Map.of(
                        "accessCode", m.meetingNumber(),
                        "callInNumbers",
                                List.of(Map.of(
                                        "label", "Emulator call-in (toll)",
                                        "callInNumber", "+43-1-0000000",
                                        "tollType", "toll"))));
        body.put("enabledBreakoutSessions", false);
        return body;
    }

    /** The list and PUT shape: the same fields plus the series id. */
    static Map<String, Object> listItem(Meeting m) {
        Map<String, Object> body = series(m);
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("id", body.remove("id"));
        ordered.put("meetingSeriesId", m.id());
        ordered.putAll(body);
        return ordered;
    }

    /**
     * The one occurrence of a (non-recurring) series, as {@code meetingType=scheduledMeeting} lists it: Webex names
     * it {@code <seriesId>_<start in UTC>}.
     */
    static Map<String, Object> occurrence(Meeting m) {
        Map<String, Object> body = listItem(m);
        String id = occurrenceId(m);
        body.put("id", id);
        body.put("scheduledMeetingId", id);
        body.put("meetingType", "scheduledMeeting");
        body.put("state", "scheduled");
        return body;
    }

    static String occurrenceId(Meeting m) {
        return m.id() + "_" + OCCURRENCE.format(m.start());
    }

    static String format(Instant instant, ZoneId zone) {
        return ISO.format(instant.atZone(zone));
    }

    private static String numericPassword(Meeting m) {
        return String.valueOf(Math.abs((long) m.password().hashCode()) % 100_000_000L);
    }
}
