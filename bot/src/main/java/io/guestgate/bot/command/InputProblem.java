package io.guestgate.bot.command;

/**
 * Raised inside the parser when a part of the input is wrong, and turned into {@link Command.Invalid} at its edge:
 * it never leaves {@link CommandParser}. No stack trace: it is an answer, not a failure.
 */
final class InputProblem extends RuntimeException {

    private static final int MAX_DETAIL = 60;

    private final Problem problem;
    private final String detail;

    InputProblem(Problem problem, String detail) {
        super(problem.name(), null, false, false);
        this.problem = problem;
        this.detail = shorten(detail == null ? "" : detail.strip());
    }

    InputProblem(Problem problem) {
        this(problem, "");
    }

    Problem problem() {
        return problem;
    }

    String detail() {
        return detail;
    }

    /** The answer quotes the detail, so it stays short whatever was typed. */
    private static String shorten(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_DETAIL) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_DETAIL)) + "…";
    }
}
