package io.guestgate.bot.invite;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Looks at a received mail the way a mail client would: the raw header block and the MIME tree. */
public final class RawMail {

    private RawMail() {}

    /** The whole message as it was received, headers and every encoded part. */
    public static String whole(MimeMessage message) {
        return GreenMailUtil.getWholeMessage(message);
    }

    /** The names of the top-level headers, after unfolding, in order. */
    public static List<String> headerNames(MimeMessage message) {
        String raw = whole(message);
        int end = raw.indexOf("\r\n\r\n");
        String block = (end < 0 ? raw : raw.substring(0, end)).replaceAll("\r\n[ \t]", " ");
        List<String> names = new ArrayList<>();
        for (String line : block.split("\r\n")) {
            names.add(line.substring(0, Math.max(0, line.indexOf(':'))).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** Every leaf part of the MIME tree, depth first. */
    public static List<BodyPart> leaves(Part part) throws Exception {
        List<BodyPart> leaves = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.getContent() instanceof Multipart) {
                    leaves.addAll(leaves(child));
                } else {
                    leaves.add(child);
                }
            }
        }
        return leaves;
    }

    /** The decoded text of a leaf part. */
    public static String text(BodyPart part) throws Exception {
        return new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static BodyPart leafOfType(MimeMessage message, String contentTypePrefix) throws Exception {
        return leaves(message).stream()
                .filter(p -> {
                    try {
                        return p.getContentType().toLowerCase(Locale.ROOT).startsWith(contentTypePrefix);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow(() -> new AssertionError("no part of type " + contentTypePrefix));
    }
}
