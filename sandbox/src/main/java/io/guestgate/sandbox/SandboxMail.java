package io.guestgate.sandbox;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * GreenMail: SMTP for the application, IMAP for any mail client. Every recipient gets a mailbox on first mail, and
 * any password opens it (authentication is off: it is a local test mail server).
 */
final class SandboxMail implements AutoCloseable {

    private final GreenMail greenMail;

    private SandboxMail(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static SandboxMail start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                    setup(smtpPort, ServerSetup.PROTOCOL_SMTP), setup(imapPort, ServerSetup.PROTOCOL_IMAP)
                })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop();
            throw new IllegalStateException(
                    "GreenMail did not start on SMTP " + smtpPort + " / IMAP " + imapPort
                            + " (set guestgate.sandbox.ports.smtp and .imap to free ports, or 0): " + e.getMessage(),
                    e);
        }
        return new SandboxMail(greenMail);
    }

    private static ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, SandboxRedis.HOST, protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Every mail received so far, for any recipient, newest first. */
    List<MimeMessage> newestFirst() {
        return Arrays.stream(greenMail.getReceivedMessages())
                .sorted(Comparator.comparing(SandboxMail::received).reversed())
                .toList();
    }

    private static Date received(MimeMessage message) {
        try {
            Date received = message.getReceivedDate();
            return received != null ? received : message.getSentDate() != null ? message.getSentDate() : new Date(0);
        } catch (MessagingException e) {
            return new Date(0);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
