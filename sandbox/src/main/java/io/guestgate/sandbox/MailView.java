package io.guestgate.sandbox;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * One received mail as the mailbox page shows it: the plain text, the http(s) links found in the text and HTML
 * parts, the calendar part as text, and the names of other attachments. The HTML itself is never passed on.
 */
record MailView(
        int number,
        String from,
        List<String> to,
        String subject,
        Instant received,
        String text,
        List<String> links,
        String calendar,
        List<String> attachments) {

    private static final Pattern TEXT_LINK = Pattern.compile("https?://[^\\s<>\"')\\]]+");
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*\"(https?://[^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    MailView {
        to = List.copyOf(to);
        links = List.copyOf(links);
        attachments = List.copyOf(attachments);
    }

    static MailView of(int number, MimeMessage message) throws MessagingException, IOException {
        Parts parts = new Parts();
        collect(message, parts);
        String text = parts.text != null
                ? parts.text
                : parts.html != null
                        ? HtmlUtils.htmlUnescape(TAG.matcher(parts.html).replaceAll(" "))
                                .strip()
                        : "";
        Set<String> links = new LinkedHashSet<>();
        addAll(TEXT_LINK.matcher(text), 0, links);
        if (parts.html != null) {
            Matcher hrefs = HREF.matcher(parts.html);
            while (hrefs.find()) {
                links.add(HtmlUtils.htmlUnescape(hrefs.group(1)));
            }
        }
        Date received = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
        return new MailView(
                number,
                addresses(message.getFrom()).stream().findFirst().orElse(""),
                addresses(message.getRecipients(Message.RecipientType.TO)),
                message.getSubject() == null ? "" : message.getSubject(),
                received == null ? null : received.toInstant(),
                text,
                new ArrayList<>(links),
                parts.calendar,
                parts.attachments);
    }

    private static void collect(Part part, Parts parts) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), parts);
            }
        } else if (part.isMimeType("text/calendar") || part.isMimeType("application/ics")) {
            // The same invitation may come as an alternative and as an attachment; one copy is enough to read.
            if (parts.calendar == null) {
                parts.calendar = decode(part);
            }
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                parts.attachments.add(name(part));
            }
        } else if (part.isMimeType("text/plain")
                && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                && parts.text == null) {
            parts.text = decode(part);
        } else if (part.isMimeType("text/html")
                && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                && parts.html == null) {
            parts.html = decode(part);
        } else {
            parts.attachments.add(name(part));
        }
    }

    private static String decode(Part part) throws MessagingException, IOException {
        Charset charset = StandardCharsets.UTF_8;
        String name = new ContentType(part.getContentType()).getParameter("charset");
        if (name != null && Charset.isSupported(name)) {
            charset = Charset.forName(name);
        }
        return new String(part.getInputStream().readAllBytes(), charset);
    }

    private static String name(Part part) throws MessagingException {
        String type = new ContentType(part.getContentType()).getBaseType();
        return (part.getFileName() == null ? "" : part.getFileName() + " ") + "(" + type + ")";
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null
                ? List.of()
                : Arrays.stream(addresses).map(MailView::display).toList();
    }

    /** "Anna Müller <anna@…>": decoded and unquoted, for reading rather than for a mail header. */
    private static String display(Address address) {
        if (address instanceof InternetAddress internet) {
            String name = internet.getPersonal();
            return name == null || name.isBlank() ? internet.getAddress() : name + " <" + internet.getAddress() + ">";
        }
        return address.toString();
    }

    private static void addAll(Matcher matcher, int group, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(group));
        }
    }

    private static final class Parts {
        String text;
        String html;
        String calendar;
        final List<String> attachments = new ArrayList<>();
    }
}
