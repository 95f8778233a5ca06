package io.guestgate.bot.invite.ics;

import java.nio.charset.StandardCharsets;

/**
 * Content-line folding by octets. RFC 5545 (3.1) limits lines to 75 octets; ical4j folds after 73 characters, which
 * with umlauts or emoji in a title makes lines longer than strict parsers accept. Values never contain a raw line
 * break (they are escaped), so "CRLF + space" in ical4j's output is always a fold and can be undone exactly.
 */
final class Folding {

    static final int MAX_OCTETS = 75;

    private Folding() {}

    static String refold(String ics) {
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        StringBuilder out = new StringBuilder(ics.length() + 64);
        for (String line : unfolded.split("\r\n")) {
            fold(line, out);
        }
        return out.toString();
    }

    private static void fold(String line, StringBuilder out) {
        int octets = 0;
        int i = 0;
        while (i < line.length()) {
            int codePoint = line.codePointAt(i);
            int chars = Character.charCount(codePoint);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.append(line, i, i + chars);
            octets += size;
            i += chars;
        }
        out.append("\r\n");
    }
}
