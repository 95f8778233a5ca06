package io.guestgate.bot.command;

/**
 * How an organizer names one of their meetings: its number in the {@code list} answer, or its Webex meeting number.
 */
public sealed interface MeetingRef {

    /** Position in the organizer's upcoming meetings as {@code list} numbers them, from 1. */
    record ListNumber(int number) implements MeetingRef {
        public ListNumber {
            if (number < 1) {
                throw new IllegalArgumentException("list numbers start at 1");
            }
        }

        @Override
        public String toString() {
            return Integer.toString(number);
        }
    }

    /** The Webex meeting number, digits only. */
    record MeetingNumber(String digits) implements MeetingRef {
        public MeetingNumber {
            if (digits == null || !digits.matches("[0-9]{8,13}")) {
                throw new IllegalArgumentException("a Webex meeting number has 8 to 13 digits");
            }
        }

        @Override
        public String toString() {
            return digits;
        }
    }
}
