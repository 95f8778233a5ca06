package io.guestgate.bot.command;

import java.text.Normalizer;

/** How chat text is tidied before parsing. */
final class ChatText {

    private ChatText() {}

    /**
     * NFC (a keyboard may send "ü" as u + combining diaeresis), no-break spaces and control characters turned into
     * plain spaces except line breaks (they separate participants), and leading @mentions dropped.
     */
    static String normalize(String text) {
        String result = clean(text).strip();
        while (result.startsWith("@")) {
            result = result.substring(firstWhitespace(result)).strip();
        }
        return result;
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r';
            clean.append(!lineBreak && (Character.isISOControl(c) || Character.isSpaceChar(c)) ? ' ' : c);
        }
        return clean.toString();
    }

    static int firstWhitespace(String input) {
        for (int i = 0; i < input.length(); i++) {
            if (Character.isWhitespace(input.charAt(i))) {
                return i;
            }
        }
        return input.length();
    }

    /** "/Create:" reads as "create": some organizers type slash commands or a colon after the keyword. */
    static String keyword(String word) {
        String keyword = word.startsWith("/") ? word.substring(1) : word;
        while (keyword.endsWith(":") || keyword.endsWith(",")) {
            keyword = keyword.substring(0, keyword.length() - 1);
        }
        return keyword;
    }
}
