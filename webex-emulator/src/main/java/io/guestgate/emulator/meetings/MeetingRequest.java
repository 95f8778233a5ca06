package io.guestgate.emulator.meetings;

/** The body of POST and PUT /meetings: the fields the emulator understands; others are ignored, as Webex does. */
record MeetingRequest(
        String title,
        String agenda,
        String password,
        String start,
        String end,
        String timezone,
        String recurrence,
        Boolean enabledAutoRecordMeeting,
        Boolean allowAnyUserToBeCoHost,
        Boolean enabledJoinBeforeHost,
        Boolean enableConnectAudioBeforeHost,
        Integer joinBeforeHostMinutes,
        Boolean excludePassword,
        Boolean publicMeeting,
        Integer reminderTime,
        String unlockedMeetingJoinSecurity,
        String scheduledType,
        Boolean enabledWebcastView,
        Boolean enableAutomaticLock,
        Integer automaticLockMinutes,
        Boolean allowFirstUserToBeCoHost,
        Boolean allowAuthenticatedDevices,
        Boolean sendEmail,
        String hostEmail) {}
