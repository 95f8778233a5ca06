package io.guestgate.landing.notify;

/**
 * Makes text from guests and identity providers (names, addresses) inert in Webex markdown and adaptive card text:
 * a name like {@code **[click](https://evil)**} shows as typed and links nowhere.
 */
final class ChatMarkdown {

    private ChatMarkdown() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                escaped.append(' ');
            } else if (cp == '<') {
                escaped.append("&lt;");
            } else if (cp == '>') {
                escaped.append("&gt;");
            } else if (cp == '&') {
                escaped.append("&amp;");
            } else {
                if ("\\`*_[]()~|".indexOf(cp) >= 0) {
                    escaped.append('\\');
                }
                escaped.appendCodePoint(cp);
            }
        });
        return escaped.toString();
    }
}
