package io.guestgate.bot.invite.mail;

import io.guestgate.bot.invite.content.Text;
import io.guestgate.bot.invite.ics.IcsBuilder;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Turns a {@link GuestMail} into a MIME message:
 * <pre>
 * multipart/mixed
 * ├── multipart/alternative
 * │   ├── text/plain; charset=UTF-8
 * │   ├── text/html; charset=UTF-8
 * │   └── text/calendar; method=REQUEST|CANCEL; charset=UTF-8   (calendar clients act on this part)
 * └── application/ics; name=invite.ics                          (the same object, for clients that only save files)
 * </pre>
 * Every header value passes through {@link Text#singleLine} and Jakarta Mail's own encoding, so a title or name can
 * never start a header of its own.
 */
public final class MailComposer {

    static final String ATTACHMENT_NAME = "invite.ics";

    /** Jakarta Mail's system property that names its stream provider, and Angus Mail's, the one on the class path. */
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";

    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Jakarta Mail 2.1 looks up its stream provider for every body part, multipart and header block it makes,
        // by default with a ServiceLoader that reads every jar's META-INF/services: in a profile of the invitation
        // fan-out, a third of the mail threads' time (jakartaee/mail-api#699, #861; fixed only in 2.2). Named here,
        // the lookup is a class already loaded. Left alone if the property is set, or if Angus Mail is not there.
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null && isPresent(ANGUS_STREAM_PROVIDER)) {
            System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
        }
    }

    private final IcsBuilder ics;
    private final InternetAddress from;
    private final Clock clock;

    public MailComposer(IcsBuilder ics, String fromAddress, String fromName, Clock clock) {
        this.ics = ics;
        this.clock = clock;
        try {
            this.from = new InternetAddress(Text.singleLine(fromAddress), Text.singleLine(fromName), "UTF-8");
            this.from.validate();
        } catch (UnsupportedEncodingException | AddressException e) {
            throw new IllegalArgumentException("guestgate.mail.from is not a valid mail address: " + fromAddress, e);
        }
    }

    /** Fills {@code message} (fresh from {@code JavaMailSender.createMimeMessage()}) with the guest's mail. */
    public void compose(GuestMail mail, MimeMessage message) throws MessagingException {
        MimeMessageHelper headers = new MimeMessageHelper(message, false, "UTF-8");
        headers.setFrom(from);
        headers.setTo(address(mail.guest().email(), mail.guest().name()));
        InternetAddress organizer = organizerAddress(mail);
        if (organizer != null) {
            headers.setReplyTo(organizer);
        }
        headers.setSubject(MailBody.subject(mail));
        headers.setSentDate(Date.from(clock.instant()));
        // Tells mail servers and out-of-office responders that no person sent this.
        message.setHeader("Auto-Submitted", "auto-generated");

        String method = mail.purpose().kind().name();
        byte[] calendar = ics.build(mail.purpose(), mail.meeting(), mail.guest(), mail.personalLink(), mail.language())
                .getBytes(StandardCharsets.UTF_8);

        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(textPart(MailBody.plain(mail), "plain"));
        alternative.addBodyPart(textPart(MailBody.html(mail), "html"));
        alternative.addBodyPart(bytesPart(calendar, "text/calendar; method=" + method + "; charset=UTF-8"));
        MimeBodyPart alternatives = new MimeBodyPart();
        alternatives.setContent(alternative);

        MimeBodyPart attachment = bytesPart(calendar, "application/ics; name=" + ATTACHMENT_NAME);
        attachment.setDisposition(Part.ATTACHMENT);
        attachment.setFileName(ATTACHMENT_NAME);

        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(alternatives);
        mixed.addBodyPart(attachment);
        message.setContent(mixed);
        message.saveChanges();
    }

    private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8", subtype);
        return part;
    }

    private static MimeBodyPart bytesPart(byte[] content, String contentType) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
        part.setHeader("Content-Type", contentType);
        return part;
    }

    /** The organizer for Reply-To, or null: a Reply-To is a courtesy, an address that does not parse is left out. */
    private static InternetAddress organizerAddress(GuestMail mail) {
        try {
            InternetAddress address =
                    address(mail.meeting().organizerEmail(), mail.meeting().organizerName());
            address.validate();
            return address;
        } catch (MessagingException e) {
            return null;
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, MailComposer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    private static InternetAddress address(String email, String name) throws MessagingException {
        try {
            InternetAddress address = new InternetAddress(Text.singleLine(email), true);
            address.setPersonal(Text.singleLine(name), "UTF-8");
            return address;
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is part of every Java runtime", e);
        }
    }
}
