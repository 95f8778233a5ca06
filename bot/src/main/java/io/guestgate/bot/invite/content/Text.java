package io.guestgate.bot.invite.content;

/** Clean-up for values that end up in a single line of a mail header or a calendar property. */
public final class Text {

    private Text() {}

    /**
     * The value on one line: every control character (CR, LF, TAB, NUL, ...) becomes a space and runs of spaces
     * collapse. Titles and names come from chat, so this is what keeps them from starting new header or calendar
     * lines, whatever the libraries below would do.
     */
    public static String singleLine(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean blank = Character.isISOControl(c)
                    || Character.isWhitespace(c)
                    || c == '\u2028'
                    || c == '\u2029'
                    || c == '\u0085';
            if (blank) {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@link #singleLine} cut to at most {@code max} characters, never inside a surrogate pair. */
    public static String singleLine(String value, int max) {
        String line = singleLine(value);
        if (line.length() <= max) {
            return line;
        }
        int cut = Character.isHighSurrogate(line.charAt(max - 1)) ? max - 1 : max;
        return line.substring(0, cut - 1) + "…";
    }
}
