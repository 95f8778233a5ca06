package io.guestgate.webex.meetings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The body of {@code POST /meetings} (create) and {@code PUT /meetings/{id}} (update). Field names are the
 * spec's, exactly: note {@code enabledJoinBeforeHost} but {@code enableConnectAudioBeforeHost}. Fields left
 * {@code null} are not sent. Webex's PUT replaces the meeting, so an update should carry the full set again.
 * Build one with {@link #builder(String, OffsetDateTime, OffsetDateTime)}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeetingRequest(
        String title,
        String agenda,
        OffsetDateTime start,
        OffsetDateTime end,
        String timezone,
        Boolean enabledAutoRecordMeeting,
        Boolean allowAnyUserToBeCoHost,
        Boolean enabledJoinBeforeHost,
        Boolean enableConnectAudioBeforeHost,
        Integer joinBeforeHostMinutes,
        Boolean excludePassword,
        Boolean publicMeeting,
        Integer reminderTime,
        UnlockedMeetingJoinSecurity unlockedMeetingJoinSecurity,
        Boolean enabledWebcastView,
        Boolean enableAutomaticLock,
        Integer automaticLockMinutes,
        Boolean allowFirstUserToBeCoHost,
        Boolean allowAuthenticatedDevices,
        Boolean sendEmail,
        String hostEmail) {

    public MeetingRequest {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("A meeting title must not be blank");
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        // Webex takes whole seconds; a fraction would only risk a rejection.
        start = start.truncatedTo(ChronoUnit.SECONDS);
        end = end.truncatedTo(ChronoUnit.SECONDS);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A meeting must end after it starts");
        }
    }

    public static Builder builder(String title, OffsetDateTime start, OffsetDateTime end) {
        return new Builder(title, start, end);
    }

    /** A builder pre-filled with this request, e.g. to move a meeting while keeping its flags. */
    public Builder toBuilder() {
        Builder b = new Builder(title, start, end);
        b.agenda = agenda;
        b.timezone = timezone;
        b.enabledAutoRecordMeeting = enabledAutoRecordMeeting;
        b.allowAnyUserToBeCoHost = allowAnyUserToBeCoHost;
        b.enabledJoinBeforeHost = enabledJoinBeforeHost;
        b.enableConnectAudioBeforeHost = enableConnectAudioBeforeHost;
        b.joinBeforeHostMinutes = joinBeforeHostMinutes;
        b.excludePassword = excludePassword;
        b.publicMeeting = publicMeeting;
        b.reminderTime = reminderTime;
        b.unlockedMeetingJoinSecurity = unlockedMeetingJoinSecurity;
        b.enabledWebcastView = enabledWebcastView;
        b.enableAutomaticLock = enableAutomaticLock;
        b.automaticLockMinutes = automaticLockMinutes;
        b.allowFirstUserToBeCoHost = allowFirstUserToBeCoHost;
        b.allowAuthenticatedDevices = allowAuthenticatedDevices;
        b.sendEmail = sendEmail;
        b.hostEmail = hostEmail;
        return b;
    }

    /** Builds a {@link MeetingRequest}; every setter is optional, and an unset field is not sent. */
    public static final class Builder {
        private String title;
        private OffsetDateTime start;
        private OffsetDateTime end;
        private String agenda;
        private String timezone;
        private Boolean enabledAutoRecordMeeting;
        private Boolean allowAnyUserToBeCoHost;
        private Boolean enabledJoinBeforeHost;
        private Boolean enableConnectAudioBeforeHost;
        private Integer joinBeforeHostMinutes;
        private Boolean excludePassword;
        private Boolean publicMeeting;
        private Integer reminderTime;
        private UnlockedMeetingJoinSecurity unlockedMeetingJoinSecurity;
        private Boolean enabledWebcastView;
        private Boolean enableAutomaticLock;
        private Integer automaticLockMinutes;
        private Boolean allowFirstUserToBeCoHost;
        private Boolean allowAuthenticatedDevices;
        private Boolean sendEmail;
        private String hostEmail;

        private Builder(String title, OffsetDateTime start, OffsetDateTime end) {
            this.title = title;
            this.start = start;
            this.end = end;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder start(OffsetDateTime start) {
            this.start = start;
            return this;
        }

        public Builder end(OffsetDateTime end) {
            this.end = end;
            return this;
        }

        public Builder agenda(String agenda) {
            this.agenda = agenda;
            return this;
        }
        /** An IANA zone id such as {@code Europe/Vienna}. */
        public Builder timezone(String timezone) {
            this.timezone = timezone;
            return this;
        }

        public Builder enabledAutoRecordMeeting(Boolean value) {
            this.enabledAutoRecordMeeting = value;
            return this;
        }

        public Builder allowAnyUserToBeCoHost(Boolean value) {
            this.allowAnyUserToBeCoHost = value;
            return this;
        }

        public Builder enabledJoinBeforeHost(Boolean value) {
            this.enabledJoinBeforeHost = value;
            return this;
        }

        public Builder enableConnectAudioBeforeHost(Boolean value) {
            this.enableConnectAudioBeforeHost = value;
            return this;
        }

        public Builder joinBeforeHostMinutes(Integer value) {
            this.joinBeforeHostMinutes = value;
            return this;
        }

        public Builder excludePassword(Boolean value) {
            this.excludePassword = value;
            return this;
        }

        public Builder publicMeeting(Boolean value) {
            this.publicMeeting = value;
            return this;
        }

        public Builder reminderTime(Integer value) {
            this.reminderTime = value;
            return this;
        }

        public Builder unlockedMeetingJoinSecurity(UnlockedMeetingJoinSecurity value) {
            this.unlockedMeetingJoinSecurity = value;
            return this;
        }

        public Builder enabledWebcastView(Boolean value) {
            this.enabledWebcastView = value;
            return this;
        }

        public Builder enableAutomaticLock(Boolean value) {
            this.enableAutomaticLock = value;
            return this;
        }

        public Builder automaticLockMinutes(Integer value) {
            this.automaticLockMinutes = value;
            return this;
        }

        public Builder allowFirstUserToBeCoHost(Boolean value) {
            this.allowFirstUserToBeCoHost = value;
            return this;
        }

        public Builder allowAuthenticatedDevices(Boolean value) {
            this.allowAuthenticatedDevices = value;
            return this;
        }
        /** {@code false} keeps Webex from mailing its own invitations, which carry the meeting link. */
        public Builder sendEmail(Boolean value) {
            this.sendEmail = value;
            return this;
        }

        public Builder hostEmail(String value) {
            this.hostEmail = value;
            return this;
        }

        public MeetingRequest build() {
            return new MeetingRequest(
                    title,
                    agenda,
                    start,
                    end,
                    timezone,
                    enabledAutoRecordMeeting,
                    allowAnyUserToBeCoHost,
                    enabledJoinBeforeHost,
                    enableConnectAudioBeforeHost,
                    joinBeforeHostMinutes,
                    excludePassword,
                    publicMeeting,
                    reminderTime,
                    unlockedMeetingJoinSecurity,
                    enabledWebcastView,
                    enableAutomaticLock,
                    automaticLockMinutes,
                    allowFirstUserToBeCoHost,
                    allowAuthenticatedDevices,
                    sendEmail,
                    hostEmail);
        }
    }
}
