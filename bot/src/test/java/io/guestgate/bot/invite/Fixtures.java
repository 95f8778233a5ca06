package io.guestgate.bot.invite;

import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStatus;
import java.time.Instant;
import java.time.ZoneId;

/** Meetings shaped like the ones the bot stores, with Webex details a guest must never see. */
public final class Fixtures {

    public static final String WEBEX_LINK = "https://example.webex.com/example/j.php?MTID=m5b1c0ffee0ddba11";
    public static final String MEETING_NUMBER = "25981234567";
    public static final String SIP_ADDRESS = "25981234567@example.webex.com";
    public static final String PASSWORD = "Xy7pQ3kZ";

    private Fixtures() {}

    public static Meeting meeting(String id, String title, Instant start, Instant end) {
        return meeting(id, "person-organizer", "Olga Organizer", "olga@corp.example", title, start, end);
    }

    public static Meeting meeting(
            String id, String personId, String name, String email, String title, Instant start, Instant end) {
        return new Meeting(
                id,
                new Meeting.Organizer(personId, email, name),
                title,
                start,
                end,
                ZoneId.of("Europe/Vienna"),
                new Meeting.WebexMeeting("webex-" + id, MEETING_NUMBER, WEBEX_LINK, SIP_ADDRESS),
                0,
                MeetingStatus.SCHEDULED,
                start.minusSeconds(86_400));
    }
}
