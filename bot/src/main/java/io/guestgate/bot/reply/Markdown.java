package io.guestgate.bot.reply;

/** Makes text typed by people safe to put into Webex markdown. */
public final class Markdown {

    private Markdown() {}

    /**
     * Backslash-escapes markdown syntax, and turns {@code <} and {@code >} into look-alikes, so a title such as
     * {@code *Q3* <@all>} shows as typed instead of formatting the answer or mentioning anyone.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '~', '[', ']', '(', ')', '#', '|', '!', '>', '<' -> {
                    if (c == '<') {
                        escaped.append('‹');
                    } else if (c == '>') {
                        escaped.append('›');
                    } else {
                        escaped.append('\\').append(c);
                    }
                }
                case '\n', '\r' -> escaped.append(' ');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
