package io.guestgate.bot.command;

/**
 * Reads a meeting reference: a list number ({@code 2}, {@code #2}) or a Webex meeting number, which organizers
 * copy with spaces or dashes ({@code 2345 678 901}).
 */
final class RefParser {

    private RefParser() {}

    static MeetingRef ref(String text) {
        String input = text.strip();
        if (input.isEmpty()) {
            throw new InputProblem(Problem.REFERENCE_MISSING);
        }
        String digits = (input.startsWith("#") ? input.substring(1) : input).replaceAll("[\\s-]", "");
        if (!digits.matches("[0-9]{1,13}")) {
            throw new InputProblem(Problem.REFERENCE_INVALID, input);
        }
        if (digits.length() <= 3) {
            int number = Integer.parseInt(digits);
            if (number < 1) {
                throw new InputProblem(Problem.REFERENCE_INVALID, input);
            }
            return new MeetingRef.ListNumber(number);
        }
        if (digits.length() >= 8) {
            return new MeetingRef.MeetingNumber(digits);
        }
        throw new InputProblem(Problem.REFERENCE_INVALID, input);
    }

    /** True when the text looks like a reference at all (used to tell a trailing "to 2" from a name). */
    static boolean looksLikeRef(String text) {
        return text.strip().matches("#?[0-9][0-9\\s-]*");
    }
}
