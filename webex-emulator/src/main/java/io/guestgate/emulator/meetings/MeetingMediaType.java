package io.guestgate.emulator.meetings;

/** The meetings API answers {@code application/json;charset=UTF-8}, as its spec (and Webex) declare. */
final class MeetingMediaType {
    static final String JSON_UTF8 = "application/json;charset=UTF-8";

    private MeetingMediaType() {}
}
