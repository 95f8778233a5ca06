package io.guestgate.guestlist.meeting;

public enum MeetingStatus {
    SCHEDULED,
    CANCELLED
}
