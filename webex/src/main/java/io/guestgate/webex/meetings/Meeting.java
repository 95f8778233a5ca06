package io.guestgate.webex.meetings;

import java.time.OffsetDateTime;

/**
 * A Webex meeting as {@code POST/GET/PUT /meetings} return it. Only the fields the product reads are
 * mapped; the others are ignored. The meeting password is deliberately not mapped.
 *
 * @param sipAddress the destination the Meetings widget needs ({@code <number>@<site>.webex.com})
 */
public record Meeting(
        String id,
        String meetingSeriesId,
        String meetingNumber,
        String title,
        String agenda,
        String meetingType,
        String state,
        String timezone,
        OffsetDateTime start,
        OffsetDateTime end,
        String hostUserId,
        String hostDisplayName,
        String hostEmail,
        String siteUrl,
        String webLink,
        String sipAddress,
        String scheduledType,
        Boolean enabledJoinBeforeHost,
        Boolean excludePassword,
        Boolean publicMeeting,
        String unlockedMeetingJoinSecurity) {}
