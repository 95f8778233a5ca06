package io.guestgate.domain.meeting;

public enum MeetingStatus {
    SCHEDULED,
    CANCELLED
}
