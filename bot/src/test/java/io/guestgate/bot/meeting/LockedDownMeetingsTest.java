package io.guestgate.bot.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.meeting.MeetingsProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** The body of POST /meetings carries exactly the locked-down set of the design, and nothing else. */
class LockedDownMeetingsTest {

    @Test
    void sendsExactlyTheLockedDownSetByDefault() {
        LockedDownMeetings meetings = new LockedDownMeetings(bind(Map.of()));

        Map<String, Object> body = json(meetings.request(
                "Q3 review", Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T09:45:00Z")));

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("title", "Q3 review");
        expected.put("start", "2026-12-01T10:00:00+01:00");
        expected.put("end", "2026-12-01T10:45:00+01:00");
        expected.put("timezone", "Europe/Vienna");
        expected.put("enabledAutoRecordMeeting", false);
        expected.put("allowAnyUserToBeCoHost", false);
        expected.put("enabledJoinBeforeHost", true);
        expected.put("enableConnectAudioBeforeHost", false);
        expected.put("excludePassword", true);
        expected.put("publicMeeting", false);
        expected.put("enabledWebcastView", false);
        expected.put("enableAutomaticLock", false);
        expected.put("allowFirstUserToBeCoHost", false);
        expected.put("allowAuthenticatedDevices", false);
        expected.put("sendEmail", false);
        expected.put("unlockedMeetingJoinSecurity", "allowJoinWithLobby");
        assertThat(body).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void flagsAreConfigurable() {
        MeetingsProperties meetings = bind(Map.of(
                "guestgate.meetings.flags.enabled-join-before-host",
                "false",
                "guestgate.meetings.flags.unlocked-meeting-join-security",
                "blockFromJoin"));

        Map<String, Object> body = json(new LockedDownMeetings(meetings)
                .request("X", Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T10:00:00Z")));

        assertThat(body)
                .containsEntry("enabledJoinBeforeHost", false)
                .containsEntry("unlockedMeetingJoinSecurity", "blockFromJoin")
                .containsEntry("sendEmail", false);
    }

    @Test
    void meetingsMadeWithoutTheBinderGetTheSameLockedDownSet() {
        assertThat(new MeetingsProperties(ZoneId.of("Europe/Vienna"), Duration.ofDays(30)).flags())
                .isEqualTo(bind(Map.of()).flags());
    }

    private static MeetingsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("guestgate.meetings", MeetingsProperties.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Object request) {
        JsonMapper json = JsonMapper.builder().build();
        return json.readValue(json.writeValueAsString(request), Map.class);
    }
}
