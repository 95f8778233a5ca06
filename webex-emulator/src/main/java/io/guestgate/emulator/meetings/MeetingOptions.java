package io.guestgate.emulator.meetings;

import java.util.Objects;

/** The meeting flags the emulator keeps and echoes; GuestGate's locked-down set is among them. */
public record MeetingOptions(
        boolean enabledAutoRecordMeeting,
        boolean allowAnyUserToBeCoHost,
        boolean enabledJoinBeforeHost,
        boolean enableConnectAudioBeforeHost,
        int joinBeforeHostMinutes,
        boolean excludePassword,
        boolean publicMeeting,
        int reminderTime,
        String unlockedMeetingJoinSecurity,
        String scheduledType,
        boolean enabledWebcastView,
        boolean enableAutomaticLock,
        int automaticLockMinutes,
        boolean allowFirstUserToBeCoHost,
        boolean allowAuthenticatedDevices) {

    public MeetingOptions {
        Objects.requireNonNull(unlockedMeetingJoinSecurity, "unlockedMeetingJoinSecurity");
        Objects.requireNonNull(scheduledType, "scheduledType");
    }

    /** Webex's defaults for a new meeting. */
    static MeetingOptions defaults() {
        return new MeetingOptions(
                false, false, false, false, 0, false, false, 10, "allowJoin", "meeting", false, false, 0, false, false);
    }

    /** The request's values where it sets them, otherwise these. */
    MeetingOptions merge(MeetingRequest r) {
        return new MeetingOptions(
                or(r.enabledAutoRecordMeeting(), enabledAutoRecordMeeting),
                or(r.allowAnyUserToBeCoHost(), allowAnyUserToBeCoHost),
                or(r.enabledJoinBeforeHost(), enabledJoinBeforeHost),
                or(r.enableConnectAudioBeforeHost(), enableConnectAudioBeforeHost),
                or(r.joinBeforeHostMinutes(), joinBeforeHostMinutes),
                or(r.excludePassword(), excludePassword),
                or(r.publicMeeting(), publicMeeting),
                or(r.reminderTime(), reminderTime),
                or(r.unlockedMeetingJoinSecurity(), unlockedMeetingJoinSecurity),
                or(r.scheduledType(), scheduledType),
                or(r.enabledWebcastView(), enabledWebcastView),
                or(r.enableAutomaticLock(), enableAutomaticLock),
                or(r.automaticLockMinutes(), automaticLockMinutes),
                or(r.allowFirstUserToBeCoHost(), allowFirstUserToBeCoHost),
                or(r.allowAuthenticatedDevices(), allowAuthenticatedDevices));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
